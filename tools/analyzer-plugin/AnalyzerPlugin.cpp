//===- AnalyzerPlugin.cpp - lib/libTetherAnalyzer.so ---------------------===//
//
// The entry points clang's CheckerRegistry looks up when the plugin is
// loaded:
//
//   clang-19 --analyze -Xclang -load -Xclang lib/libTetherAnalyzer.so \
//     -Xclang -analyzer-checker=tether file.c
//
// The version string must be exactly the analyzer API version of the clang
// that loads it (an exact string compare), and must be declared in this
// single-declaration form: inside an `extern "C" {}` block a namespace-scope
// const variable has internal linkage and dlsym() would not find it.
//
//===----------------------------------------------------------------------===//

#include "analyzer/TetherCheckers.h"

#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

extern "C" __attribute__((visibility("default"))) const char
    clang_analyzerAPIVersionString[] = CLANG_ANALYZER_API_VERSION_STRING;

extern "C" __attribute__((visibility("default"))) void
clang_registerCheckers(clang::ento::CheckerRegistry &Registry) {
  tether::analyzer::registerCheckers(Registry);
}
