//===- RuntimeChecksToCalls.cpp - cf.assert as a reported run error -------===//

#include "kiln/Conversion/Passes.h"

#include "mlir/IR/BuiltinOps.h"

namespace mlir::kiln {
#define GEN_PASS_DEF_CONVERTRUNTIMECHECKSTOCALLSPASS
#include "kiln/Conversion/Passes.h.inc"
} // namespace mlir::kiln

using namespace mlir;

namespace {

constexpr StringLiteral kReportError = "kiln_rt_report_error";

struct ConvertRuntimeChecksToCallsPass
    : kiln::impl::ConvertRuntimeChecksToCallsPassBase<
          ConvertRuntimeChecksToCallsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<cf::AssertOp> checks;
    module.walk([&](cf::AssertOp check) { checks.push_back(check); });
    if (checks.empty())
      return;
    OpBuilder builder(module.getBodyRegion());
    auto pointer = LLVM::LLVMPointerType::get(module.getContext());
    auto report = module.lookupSymbol<func::FuncOp>(kReportError);
    if (!report) {
      report = func::FuncOp::create(
          builder, module.getLoc(), kReportError,
          builder.getFunctionType({pointer}, {}));
      report.setPrivate();
    }
    for (auto [index, check] : llvm::enumerate(checks)) {
      Location loc = check.getLoc();
      Block *before = check->getBlock();
      Block *after = before->splitBlock(std::next(check->getIterator()));
      Block *failed = builder.createBlock(after);
      std::string text = check.getMsg().str();
      text.push_back('\0'); // a C string
      Value message = LLVM::createGlobalString(
          loc, builder, ("kiln_check_" + Twine(index)).str(), text,
          LLVM::Linkage::Private);
      func::CallOp::create(builder, loc, report, message);
      cf::BranchOp::create(builder, loc, after);
      builder.setInsertionPoint(check);
      cf::CondBranchOp::create(builder, loc, check.getArg(), after, failed);
      check.erase();
    }
  }
};

} // namespace
