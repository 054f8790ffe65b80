// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief The library's version. The build reads it from here: it is written only once.

/// @brief Incremented for changes that break the API or the installed package.
#define FLOWCORE_VERSION_MAJOR 0
/// @brief Incremented for additions.
#define FLOWCORE_VERSION_MINOR 1
/// @brief Incremented for fixes.
#define FLOWCORE_VERSION_PATCH 0

/// @brief MAJOR * 10000 + MINOR * 100 + PATCH, for `#if FLOWCORE_VERSION >= 100`.
#define FLOWCORE_VERSION \
  (FLOWCORE_VERSION_MAJOR * 10000 + FLOWCORE_VERSION_MINOR * 100 + FLOWCORE_VERSION_PATCH)

#define FLOWCORE_DETAIL_STRINGIZE_(x) #x
#define FLOWCORE_DETAIL_STRINGIZE(x) FLOWCORE_DETAIL_STRINGIZE_(x)

/// @brief "MAJOR.MINOR.PATCH", e.g. "0.1.0"; also sent in the `User-Agent` header.
#define FLOWCORE_VERSION_STRING                          \
  FLOWCORE_DETAIL_STRINGIZE(FLOWCORE_VERSION_MAJOR)      \
  "." FLOWCORE_DETAIL_STRINGIZE(FLOWCORE_VERSION_MINOR) \
  "." FLOWCORE_DETAIL_STRINGIZE(FLOWCORE_VERSION_PATCH)
