//===- TokenModel.h - Token pools of the API model -----------------------===//
//
// Which calls take a token from a pool (and whether they can wait for
// one), which give one back, and how many tokens a pool starts with:
// std::counting_semaphore / std::binary_semaphore, POSIX sem_t, a channel
// used as a token pool (as in Go: a send takes a token, a receive gives it
// back) for every channel type of the channel model, and user token types
// through the TokenTypes, TokenAcquireFunctions and TokenReleaseFunctions
// options. Used by tether-semaphore-spawn-deadlock and tether-token-leak.
// See docs/api-model.md ("Token pools").
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_MODEL_TOKENMODEL_H
#define TETHER_MODEL_TOKENMODEL_H

#include "model/ChannelModel.h"

#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace tether::model {

struct ModelOptions;

enum class TokenOpKind {
  Acquire,
  Release,
  /// sem_init(&s, pshared, value): sets the pool's size.
  Init,
  /// sem_destroy(&s), sem_getvalue(&s, &v): names the pool without taking
  /// or giving back a token (and without handing it to other code).
  Use,
};

struct TokenOp {
  TokenOpKind Kind = TokenOpKind::Acquire;
  Blocking Block = Blocking::Forever;
  /// How a try/timed acquire reports success.
  SuccessResult Success = SuccessResult::None;
  /// The argument that is the pool (`&s` for sem_*); -1: the object.
  int TokenArg = -1;
  /// release(n): the argument with the count (default 1); sem_init: the
  /// initial value.
  int CountArg = -1;
};

struct TokenOpSite {
  TokenOp Op;
  /// As users write it: "acquire", "sem_wait", "push".
  llvm::StringRef Name;
  /// The expression that denotes the pool.
  const clang::Expr *Token = nullptr;
  /// "std::counting_semaphore", "sem_t", or the channel library for a
  /// channel used as a token pool.
  std::string Kind;
  /// A channel used as a token pool (its capacity is the number of tokens).
  const ChannelLibrary *Channel = nullptr;
};

class TokenModel {
public:
  TokenModel(const ModelOptions &Options, const ChannelModel &Channels);

  /// Recognises \p Call as a token operation. Channel sends and receives
  /// are acquires and releases only when \p ChannelsAsPools is set: a
  /// channel is a token pool by the way it is used, which the checks
  /// decide.
  std::optional<TokenOpSite> classify(const clang::CallExpr *Call,
                                      bool ChannelsAsPools) const;

  /// Is \p T a token pool type (not counting channels)?
  bool isPoolType(clang::QualType T) const;

  /// The number of tokens of the pool \p V when the source says:
  /// counting_semaphore's constructor argument, binary_semaphore's, a
  /// sem_init(&V, _, n) call in \p Body, a channel's capacity.
  std::optional<uint64_t> initialTokens(const clang::VarDecl *V,
                                        const clang::Stmt *Body,
                                        const clang::ASTContext &Ctx) const;

  /// Cheap test for the analysis host: does \p FD acquire or release?
  bool mentionsToken(const clang::FunctionDecl *FD) const;

private:
  const ChannelModel &Channels;
  /// Methods of pool classes, by qualified class name then method name.
  llvm::StringMap<llvm::StringMap<TokenOp>> Classes;
  /// Free functions (sem_*, user functions), by qualified name.
  llvm::StringMap<TokenOp> Functions;
  /// User pool classes whose constructor argument N is the token count.
  llvm::StringMap<int> CountArgOfClass;
};

} // namespace tether::model

#endif // TETHER_MODEL_TOKENMODEL_H
