//===- CPUPipeline.cpp - the lower and codegen-cpu phases -----------------===//

#include "kiln/Target/CPU/CPUTarget.h"

#include "dialects/Kiln/KilnShapeUtils.h"
#include "kiln/Conversion/Passes.h"
#include "kiln/Runtime/KilnModel.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The ABI code of an element type (quantized tensors travel as their
/// stored integers), or nothing.
std::optional<int32_t> getDType(Type element) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(element))
    element = getStoredIntegerType(quantized);
  if (element.isF32())
    return KILN_DTYPE_FLOAT32;
  if (element.isF16())
    return KILN_DTYPE_FLOAT16;
  if (element.isBF16())
    return KILN_DTYPE_BFLOAT16;
  if (element.isF64())
    return KILN_DTYPE_FLOAT64;
  if (element.isInteger(1))
    return KILN_DTYPE_BOOL;
  auto integer = dyn_cast<IntegerType>(element);
  if (!integer)
    return std::nullopt;
  bool isUnsigned = integer.isUnsigned();
  switch (integer.getWidth()) {
  case 8:
    return isUnsigned ? KILN_DTYPE_UINT8 : KILN_DTYPE_INT8;
  case 16:
    return isUnsigned ? KILN_DTYPE_UINT16 : KILN_DTYPE_INT16;
  case 32:
    return isUnsigned ? KILN_DTYPE_UINT32 : KILN_DTYPE_INT32;
  case 64:
    return isUnsigned ? KILN_DTYPE_UINT64 : KILN_DTYPE_INT64;
  default:
    return std::nullopt;
  }
}

} // namespace

FailureOr<ModelSignature> mlir::kiln::getModelSignature(ModuleOp module) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main)
    return module.emitError("the module has no `main` function");
  ModelSignature signature;
  auto describe = [&](Type type, DictionaryAttr attrs, StringRef kind,
                      unsigned index,
                      SmallVectorImpl<ModelSignature::Tensor> &into)
      -> LogicalResult {
    auto tensor = dyn_cast<RankedTensorType>(type);
    auto name = attrs ? attrs.getAs<StringAttr>("kiln.name") : StringAttr();
    std::string label = name ? "'" + name.str() + "'"
                             : (kind + " #" + Twine(index)).str();
    if (!tensor || !tensor.hasStaticShape())
      return main.emitError() << kind << " " << label << " has type " << type
                              << "; compiled models need static shapes (give "
                                 "them with --input-shape)";
    std::optional<int32_t> dtype = getDType(tensor.getElementType());
    if (!dtype)
      return main.emitError() << kind << " " << label << " has element type "
                              << tensor.getElementType()
                              << ", which the model ABI does not carry";
    into.push_back({name ? name.str() : label, *dtype,
                    llvm::to_vector(tensor.getShape())});
    return success();
  };
  FunctionType type = main.getFunctionType();
  for (auto [index, input] : llvm::enumerate(type.getInputs()))
    if (failed(describe(input, main.getArgAttrDict(index), "input", index,
                        signature.inputs)))
      return failure();
  for (auto [index, output] : llvm::enumerate(type.getResults()))
    if (failed(describe(output, main.getResultAttrDict(index), "output", index,
                        signature.outputs)))
      return failure();
  return signature;
}

namespace {

/// `tensor<0xT>` for a tensor type without elements, else null.
RankedTensorType getFlatEmptyType(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape() || tensor.getNumElements() != 0 ||
      tensor.getRank() == 1)
    return {};
  return RankedTensorType::get({0}, tensor.getElementType());
}

/// Gives `main`'s arguments and results without elements the type
/// `tensor<0xT>`. Their data is nothing but the pointer the ABI passes, and
/// the bare-pointer calling convention rejects memrefs such as
/// `memref<3x0xf32>` (no contiguous row-major strides); a function body
/// reads the argument as an empty tensor of its own shape instead.
void flattenEmptyInterfaceTensors(func::FuncOp main) {
  OpBuilder builder(main.getBody());
  Block &entry = main.getBody().front();
  for (BlockArgument argument : entry.getArguments()) {
    RankedTensorType flat = getFlatEmptyType(argument.getType());
    if (!flat)
      continue;
    auto original = cast<RankedTensorType>(argument.getType());
    auto empty = tensor::EmptyOp::create(builder, argument.getLoc(),
                                         original.getShape(),
                                         original.getElementType());
    argument.replaceAllUsesWith(empty.getResult());
    argument.setType(flat);
  }
  main.walk([&](func::ReturnOp returnOp) {
    builder.setInsertionPoint(returnOp);
    for (OpOperand &operand : returnOp->getOpOperands())
      if (RankedTensorType flat = getFlatEmptyType(operand.get().getType()))
        operand.set(tensor::EmptyOp::create(builder, returnOp.getLoc(),
                                            flat.getShape(),
                                            flat.getElementType()));
  });
  auto resultTypes = llvm::map_to_vector(
      main.getFunctionType().getResults(), [](Type type) -> Type {
        RankedTensorType flat = getFlatEmptyType(type);
        return flat ? flat : type;
      });
  main.setFunctionType(
      FunctionType::get(main.getContext(), entry.getArgumentTypes(),
                        resultTypes));
}

} // namespace

void mlir::kiln::prepareEntryPointForCodegen(ModuleOp module) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main || main.isExternal())
    return;
  for (unsigned i = 0, e = main.getNumArguments(); i < e; ++i)
    main.setArgAttr(i, "bufferization.writable",
                    BoolAttr::get(module.getContext(), false));
  flattenEmptyInterfaceTensors(main);
}

void mlir::kiln::buildLowerPipeline(OpPassManager &pm) {
  pm.addPass(createConvertKilnToLinalgPass());
  // LLVM has no 4-, 6- or 8-bit floats: their conversions become integer
  // code before anything folds them (arith's folders convert constants with
  // APFloat, which decodes E8M0's NaN as infinity).
  pm.addPass(createExpandSmallFloatCastsPass());
  pm.addPass(createCanonicalizerPass());
}

LogicalResult mlir::kiln::buildCPUCodegenPipeline(OpPassManager &pm) {
  // Inputs are never written (one-shot bufferization copies instead);
  // results become caller-owned out-parameters, so the C ABI passes one
  // pointer per tensor (bare-pointer calling convention, static shapes).
  if (failed(parsePassPipeline(
          "linalg-fuse-elementwise-ops,"
          "canonicalize,"
          "one-shot-bufferize{bufferize-function-boundaries "
          "function-boundary-type-conversion=identity-layout-map},"
          "buffer-results-to-out-params{hoist-static-allocs "
          "modify-public-functions},"
          "buffer-deallocation-pipeline",
          pm)))
    return failure();
  pm.addPass(createConvertStridedCopyToLinalgPass());
  if (failed(parsePassPipeline(
          "convert-linalg-to-loops,"
          // Subviews at run-time offsets leave affine.apply behind: expand
          // them before affine is lowered.
          "expand-strided-metadata,"
          "lower-affine,"
          // Integer powers (math.ipowi) have neither an LLVM nor a libm
          // counterpart: they become outlined square-and-multiply functions.
          "convert-math-to-funcs,"
          "convert-scf-to-cf",
          pm)))
    return failure();
  pm.addPass(createConvertRuntimeChecksToCallsPass());
  return parsePassPipeline(
      "finalize-memref-to-llvm,"
      "convert-math-to-llvm,"
      "convert-math-to-libm,"
      "convert-arith-to-llvm,"
      "convert-func-to-llvm{use-bare-ptr-memref-call-conv},"
      "convert-cf-to-llvm,"
      "reconcile-unrealized-casts",
      pm);
}
