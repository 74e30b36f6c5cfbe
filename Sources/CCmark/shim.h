#ifndef GOVREPORT_CCMARK_SHIM_H
#define GOVREPORT_CCMARK_SHIM_H
#include <cmark.h>
#endif
