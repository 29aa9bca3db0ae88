//===- SharedLibrary.cpp - LLVM dialect to a model shared library ---------===//
//
// Translates the lowered model to LLVM IR, adds the C ABI of
// kiln/Runtime/KilnModel.h around `main`, optimizes and compiles it for the
// target CPU, and links a shared library with the system's clang driver
// (found at configure time), as TVM and IREE's system linking do.
//
//===----------------------------------------------------------------------===//

#include "kiln/Target/CPU/CPUTarget.h"

#include "kiln/Runtime/KilnModel.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The model's computation after the codegen pipeline: inputs, then output
/// buffers, one pointer each.
constexpr const char *kMainName = "main";
constexpr const char *kInternalMainName = "kiln_model_main";

/// Emits the constant kiln_model_info and the kiln_model_get_info /
/// kiln_model_run entry points.
LogicalResult addModelABI(llvm::Module &module,
                          const ModelSignature &signature, Location loc) {
  llvm::Function *main = module.getFunction(kMainName);
  size_t numTensors = signature.inputs.size() + signature.outputs.size();
  if (!main || main->arg_size() != numTensors)
    return emitError(loc) << "the lowered model has no `main` taking "
                          << numTensors << " buffers";
  // `main` would clash with the host program's.
  main->setName(kInternalMainName);
  main->setLinkage(llvm::GlobalValue::InternalLinkage);

  llvm::LLVMContext &context = module.getContext();
  llvm::IRBuilder<> builder(context);
  llvm::Type *i32 = builder.getInt32Ty();
  llvm::Type *ptr = builder.getPtrTy();
  auto *tensorInfo =
      llvm::StructType::create(context, {ptr, i32, i32, ptr}, "kiln_tensor_info");
  auto *modelInfo = llvm::StructType::create(context, {i32, i32, i32, ptr, ptr},
                                             "kiln_model_info");
  auto makeConstantGlobal = [&](llvm::Constant *init, const Twine &name) {
    return new llvm::GlobalVariable(module, init->getType(), /*isConstant=*/true,
                                    llvm::GlobalValue::PrivateLinkage, init,
                                    name);
  };
  auto describe = [&](ArrayRef<ModelSignature::Tensor> tensors,
                      StringRef kind) -> llvm::Constant * {
    SmallVector<llvm::Constant *> entries;
    for (auto [index, tensor] : llvm::enumerate(tensors)) {
      llvm::Constant *name = makeConstantGlobal(
          llvm::ConstantDataArray::getString(context, tensor.name),
          kind + Twine(index) + ".name");
      SmallVector<uint64_t> extents(tensor.shape.begin(), tensor.shape.end());
      llvm::Constant *shape = makeConstantGlobal(
          llvm::ConstantDataArray::get(context, extents),
          kind + Twine(index) + ".shape");
      entries.push_back(llvm::ConstantStruct::get(
          tensorInfo, {name, llvm::ConstantInt::get(i32, tensor.dtype),
                       llvm::ConstantInt::get(i32, tensor.shape.size()),
                       shape}));
    }
    auto *arrayType = llvm::ArrayType::get(tensorInfo, entries.size());
    return makeConstantGlobal(llvm::ConstantArray::get(arrayType, entries),
                              kind);
  };
  llvm::Constant *info = makeConstantGlobal(
      llvm::ConstantStruct::get(
          modelInfo,
          {llvm::ConstantInt::get(i32, KILN_MODEL_ABI_VERSION),
           llvm::ConstantInt::get(i32, signature.inputs.size()),
           llvm::ConstantInt::get(i32, signature.outputs.size()),
           describe(signature.inputs, "kiln.input"),
           describe(signature.outputs, "kiln.output")}),
      "kiln.model_info");

  // const kiln_model_info *kiln_model_get_info(void)
  auto *getInfo = llvm::Function::Create(
      llvm::FunctionType::get(ptr, false), llvm::GlobalValue::ExternalLinkage,
      "kiln_model_get_info", module);
  builder.SetInsertPoint(llvm::BasicBlock::Create(context, "", getInfo));
  builder.CreateRet(info);

  // int32_t kiln_model_run(const void *const *inputs, void *const *outputs)
  auto *run = llvm::Function::Create(
      llvm::FunctionType::get(i32, {ptr, ptr}, false),
      llvm::GlobalValue::ExternalLinkage, "kiln_model_run", module);
  builder.SetInsertPoint(llvm::BasicBlock::Create(context, "", run));
  SmallVector<llvm::Value *> buffers;
  auto load = [&](llvm::Value *array, size_t count) {
    for (size_t i = 0; i < count; ++i)
      buffers.push_back(builder.CreateLoad(
          ptr, builder.CreateConstInBoundsGEP1_64(ptr, array, i)));
  };
  load(run->getArg(0), signature.inputs.size());
  load(run->getArg(1), signature.outputs.size());
  builder.CreateCall(main, buffers);
  // Non-zero when a run-time check failed (KilnModelSupport's RunStatus).
  llvm::FunctionCallee finishRun = module.getOrInsertFunction(
      "kiln_rt_finish_run", llvm::FunctionType::get(i32, {}, false));
  builder.CreateRet(builder.CreateCall(finishRun));
  for (llvm::Function *entry : {getInfo, run})
    entry->setVisibility(llvm::GlobalValue::DefaultVisibility);
  return success();
}

/// Optimizes `module` at -O3 for `machine`.
void optimize(llvm::Module &module, llvm::TargetMachine &machine) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager cgscc;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder passBuilder(&machine);
  passBuilder.registerModuleAnalyses(modules);
  passBuilder.registerCGSCCAnalyses(cgscc);
  passBuilder.registerFunctionAnalyses(functions);
  passBuilder.registerLoopAnalyses(loops);
  passBuilder.crossRegisterProxies(loops, functions, cgscc, modules);
  passBuilder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3)
      .run(module, modules);
}

} // namespace

LogicalResult mlir::kiln::emitSharedLibrary(ModuleOp module,
                                            const ModelSignature &signature,
                                            StringRef outputPath,
                                            const SharedLibraryOptions &options) {
  Location loc = module.getLoc();
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  registerBuiltinDialectTranslation(*module.getContext());
  registerLLVMDialectTranslation(*module.getContext());

  // Kiln's own argument attributes (names) are in the signature already.
  if (auto main = module.lookupSymbol<LLVM::LLVMFuncOp>(kMainName))
    for (unsigned i = 0, e = main.getNumArguments(); i < e; ++i)
      main.removeArgAttr(i, StringAttr::get(module.getContext(), "kiln.name"));

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext, "kiln_model");
  if (!llvmModule)
    return emitError(loc) << "translation to LLVM IR failed";
  if (failed(addModelABI(*llvmModule, signature, loc)))
    return failure();

  llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return emitError(loc) << "no LLVM target for " << triple.str() << ": "
                          << error;
  std::string cpu =
      options.cpu.empty() ? llvm::sys::getHostCPUName().str() : options.cpu;
  llvm::SubtargetFeatures features;
  if (options.cpu.empty())
    for (const auto &[feature, enabled] : llvm::sys::getHostCPUFeatures())
      features.AddFeature(feature, enabled);
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features.getString(), llvm::TargetOptions(),
      llvm::Reloc::PIC_, std::nullopt, llvm::CodeGenOptLevel::Aggressive));
  llvmModule->setDataLayout(machine->createDataLayout());
  llvmModule->setTargetTriple(triple);
  optimize(*llvmModule, *machine);

  // Object file next to the output, removed once linked.
  SmallString<128> objectPath;
  int objectFd;
  if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
          "kiln-model", "o", objectFd, objectPath))
    return emitError(loc) << "cannot create a temporary object file: "
                          << ec.message();
  llvm::FileRemover removeObject(objectPath);
  {
    llvm::raw_fd_ostream object(objectFd, /*shouldClose=*/true);
    llvm::legacy::PassManager codegen;
    if (machine->addPassesToEmitFile(codegen, object, nullptr,
                                     llvm::CodeGenFileType::ObjectFile))
      return emitError(loc) << "the target cannot emit object files";
    codegen.run(*llvmModule);
  }

  SmallVector<std::string> args = {KILN_LINKER_DRIVER, "-shared", "-fuse-ld=lld", "-o",
                                   outputPath.str(), objectPath.str().str()};
  if (!options.supportLibrary.empty()) {
    // All of it: it defines kiln_model_set_num_threads, which nothing in
    // the model references.
    args.append({"-Wl,--whole-archive", options.supportLibrary,
                 "-Wl,--no-whole-archive"});
    // The support library is C++; the clang (C) driver does not add the
    // C++ runtime.
    args.push_back("-lstdc++");
  }
  // libm for the math functions without an LLVM lowering (erf, tanh, ...).
  args.push_back("-lm");
  SmallVector<StringRef> argRefs(args.begin(), args.end());
  std::string linkError;
  int status = llvm::sys::ExecuteAndWait(KILN_LINKER_DRIVER, argRefs,
                                         std::nullopt, {}, 0, 0, &linkError);
  if (status != 0)
    return emitError(loc) << "linking " << outputPath << " failed ("
                          << KILN_LINKER_DRIVER << " exited with " << status
                          << (linkError.empty() ? "" : ": ") << linkError
                          << ")";
  return success();
}
