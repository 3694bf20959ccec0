//===- ChannelModel.h - Channels of the API model ------------------------===//
//
// Which types are channels, how many values each holds without blocking a
// sender, and which of their operations send, receive or close, and whether
// those block forever, block with a timeout or never block. Part of the
// shared API model: the channel checkers (tether-unreceived-send,
// tether-unsent-receive) read spawner operations through it on the analyzer
// path and worker operations through it in the spawned bodies; the analysis
// host uses it to pick the functions worth analysing.
//
// Built in: Boost.Fiber (unbuffered_channel, buffered_channel), cpp-channel
// (msd::channel, msd::static_channel), libtask (Channel *) and libdill
// (chmake/chsend/chrecv/chdone). Users add their own channel types through
// the ChannelTypes, ChannelSendFunctions, ChannelReceiveFunctions and
// ChannelCloseFunctions options. See docs/api-model.md ("Channels").
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_MODEL_CHANNELMODEL_H
#define TETHER_MODEL_CHANNELMODEL_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
class FunctionDecl;
class QualType;
} // namespace clang

namespace tether::model {

struct ModelOptions;

/// How many values a channel holds before a send blocks.
enum class CapacityRule {
  /// A rendezvous: every send waits for a receive (Boost unbuffered_channel,
  /// libdill channels, user types without a capacity).
  Unbuffered,
  /// boost::fibers::buffered_channel(capacity): capacity must be a power of
  /// two >= 2 (the constructor throws otherwise) and the channel holds
  /// capacity - 1 values.
  PowerOfTwoMinusOne,
  /// The constructor/creator argument is the number of values held; 0 means
  /// unbuffered (libtask chancreate(elemsize, bufsize); user types).
  Arg,
  /// msd::channel(capacity): a bounded queue of that many values; without an
  /// argument (or 0) an unbounded queue whose writes never block;
  /// msd::static_channel<T, N> (channel<T, array_storage<T, N>>) holds N.
  ArgOrUnbounded,
  /// Sends never block.
  Unbounded,
};

/// What an operation does to its channel.
enum class ChannelOpKind {
  Send,
  Receive,
  Close,
  /// The channel is created by this call (libtask chancreate, libdill
  /// chmake); C++ channel types are created by their constructors.
  Create,
  /// The channel is destroyed by this call (chanfree, hclose).
  Destroy,
};

/// Whether an operation can wait for the other side.
enum class Blocking {
  /// Blocks until the other side acts or the channel is closed.
  Forever,
  /// Gives up after a timeout (push_wait_for, a libdill deadline >= 0).
  Timed,
  /// Never waits (try_push, channbsend).
  Never,
};

/// How a call says whether a timed or non-blocking operation went through.
enum class SuccessResult {
  /// The result is not a status (void, or the operation cannot fail).
  None,
  /// Returns boost::fibers::channel_op_status; `success` means it did.
  OpStatus,
  /// Returns bool; true means it did (msd write/read).
  True,
  /// Returns int; 0 means it did, -1 with errno otherwise (libdill).
  Zero,
  /// Returns int; 1 means it did (libtask channbsend/channbrecv).
  One,
};

struct ChannelOp {
  ChannelOpKind Kind;
  Blocking Block = Blocking::Forever;
  SuccessResult Success = SuccessResult::None;
  /// The argument that is the channel; -1 for the implicit object.
  int ChannelArg = -1;
  /// libdill: the deadline argument; -1 there means "wait forever".
  int DeadlineArg = -1;
  /// Create ops that fill an array of two handles (libdill chmake).
  bool FillsPair = false;
};

/// A channel library (or a user channel type).
struct ChannelLibrary {
  /// For messages and docs: "Boost.Fiber", "cpp-channel", "libtask".
  std::string Name;
  CapacityRule Capacity = CapacityRule::Unbuffered;
  /// The constructor/creator argument that sets the capacity
  /// (CapacityRule::Arg, PowerOfTwoMinusOne, ArgOrUnbounded).
  int CapacityArg = 0;
  /// After close(), blocked and later sends return instead of blocking
  /// (Boost.Fiber: `closed`; cpp-channel: write() returns false, `<<`
  /// throws; libdill chdone: EPIPE).
  bool CloseReleasesSenders = true;
  /// The destructor closes the channel (Boost.Fiber): blocked senders wake
  /// up, inside an object that is going away.
  bool DestructorCloses = false;
  /// The library can close a channel at all (libtask cannot; a user type
  /// only once a ChannelCloseFunctions entry names its close): receivers
  /// that wait for a close are only a bug where one is possible.
  bool HasClose = true;
  /// Channels can buffer values (libdill's cannot).
  bool CanBuffer = true;
};

/// One recognised channel operation in the source.
struct ChannelOpSite {
  const ChannelLibrary *Library = nullptr;
  ChannelOp Op;
  /// The spelling users know: "push", "pop_wait_for", "operator<<",
  /// "chansend".
  llvm::StringRef Name;
  /// The expression that denotes the channel (the object, or the argument).
  const clang::Expr *Channel = nullptr;
};

/// The channel types and operations: built-in libraries plus user options.
class ChannelModel {
public:
  explicit ChannelModel(const ModelOptions &Options);

  /// The library whose channel type \p RD is (a specialisation of), if any.
  const ChannelLibrary *channelClass(const clang::CXXRecordDecl *RD) const;
  /// The library of channel type \p T, looking through references,
  /// pointers and smart pointers (`std::shared_ptr<unbuffered_channel<T>>`).
  const ChannelLibrary *channelType(clang::QualType T) const;

  /// Recognises \p Call (a call, member call or operator call) as a channel
  /// operation, or returns std::nullopt.
  std::optional<ChannelOpSite> classify(const clang::CallExpr *Call) const;
  /// Same, from the callee and its arguments (the analyzer's CallEvent):
  /// \p Object is the implicit object for methods.
  std::optional<ChannelOpSite>
  classify(const clang::FunctionDecl *Callee, const clang::Expr *Object,
           llvm::ArrayRef<const clang::Expr *> Args) const;

  /// Values a channel created by \p Creation (a constructor call or a
  /// creator call, or std::make_shared/make_unique of a channel) holds before
  /// a send blocks: 0 for unbuffered, UINT64_MAX for unbounded, nullopt if
  /// it cannot be told from the source.
  std::optional<uint64_t> capacityOf(const ChannelLibrary &Lib,
                                     const clang::Expr *Creation,
                                     clang::QualType ChannelType,
                                     const clang::ASTContext &Ctx) const;

  /// Does \p FD's name make it worth analysing a caller of it (any channel
  /// operation or creator)? Cheap: for the analysis host's relevance walk.
  bool mentionsChannel(const clang::FunctionDecl *FD) const;

  static constexpr uint64_t UnboundedCapacity = UINT64_MAX;

private:
  struct MethodTable {
    const ChannelLibrary *Library;
    llvm::StringMap<ChannelOp> Ops; // by unqualified method/operator name
  };
  /// By qualified class name (`::boost::fibers::unbuffered_channel`).
  llvm::StringMap<MethodTable> Classes;
  /// C functions and user free functions, by (qualified) name.
  llvm::StringMap<std::pair<const ChannelLibrary *, ChannelOp>> Functions;
  std::vector<std::unique_ptr<ChannelLibrary>> Libraries;
};

/// "holds 7 values", "unbuffered", "unbounded": for messages.
std::string describeCapacity(uint64_t Capacity);

/// The smallest valid boost::fibers::buffered_channel capacity that holds
/// \p Senders values without blocking (a power of two > Senders).
uint64_t boostCapacityFor(uint64_t Senders);

} // namespace tether::model

#endif // TETHER_MODEL_CHANNELMODEL_H
