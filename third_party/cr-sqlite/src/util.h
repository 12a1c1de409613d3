#ifndef CRSQLITE_UTIL
#define CRSQLITE_UTIL

#include <ctype.h>
#include <stddef.h>

#include "crsqlite.h"

#endif