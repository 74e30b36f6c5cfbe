#ifndef GOVREPORT_CLIBXML2_SHIM_H
#define GOVREPORT_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU and its encoding.h includes <unicode/ucnv.h>, which
// clashes with the ICU module Foundation ships. govreport decodes text itself and hands
// libxml2 UTF-8 only, so the ICU converter types are not needed: hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>
#endif
