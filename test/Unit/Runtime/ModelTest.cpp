//===- ModelTest.cpp - unit tests of Model on hand-written models ---------===//
//
// The models are test/Runtime/Inputs/{add_model,identity_model}.c.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtils.h"

#include "kiln/Runtime/Model.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <thread>

using namespace mlir::kiln::runtime;
using namespace mlir::kiln::runtime::testing;

namespace {

std::string getModelPath(llvm::StringRef name) {
  return (KILN_TEST_MODELS_DIR "/" + name + ".so").str();
}

std::unique_ptr<Model> loadModel(llvm::StringRef name) {
  return unwrap(Model::load(getModelPath(name)));
}

/// add_model's inputs: a = {0, 1, ..., 5} * scale, b = {5, 4, ..., 0}.
std::vector<Tensor> makeAddInputs(float scale) {
  std::vector<Tensor> inputs;
  inputs.push_back(
      makeTensor<float>(DType::Float32, {2, 3},
                        llvm::ArrayRef<float>{0, scale, 2 * scale, 3 * scale,
                                              4 * scale, 5 * scale}));
  inputs.push_back(makeTensor<float>(DType::Float32, {2, 3},
                                     llvm::ArrayRef<float>{5, 4, 3, 2, 1, 0}));
  return inputs;
}

void expectAddOutputs(llvm::ArrayRef<Tensor> outputs, float scale) {
  ASSERT_EQ(outputs.size(), 2u);
  llvm::ArrayRef<float> sum = outputs[0].getElements<float>();
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(sum[i], i * scale + (5 - i)) << "element " << i;
  // With scale > 1 the sums grow along each row.
  EXPECT_EQ(outputs[1].getElements<int64_t>(), llvm::ArrayRef<int64_t>({2, 2}));
}

TEST(ModelTest, ReadsTheModelInfo) {
  std::unique_ptr<Model> model = loadModel("add_model");
  ASSERT_EQ(model->getInputs().size(), 2u);
  EXPECT_EQ(model->getInputs()[1].name, "b");
  EXPECT_EQ(model->getInputs()[1].dtype, DType::Float32);
  EXPECT_EQ(model->getInputs()[1].shape, llvm::SmallVector<int64_t>({2, 3}));
  ASSERT_EQ(model->getOutputs().size(), 2u);
  EXPECT_EQ(model->getOutputs()[1].name, "row_argmax");
  EXPECT_EQ(model->getOutputs()[1].dtype, DType::Int64);
  EXPECT_EQ(model->getOutputs()[1].shape, llvm::SmallVector<int64_t>({2}));
}

TEST(ModelTest, Runs) {
  std::unique_ptr<Model> model = loadModel("add_model");
  expectAddOutputs(unwrap(model->run(makeAddInputs(2))), 2);
  model->setNumThreads(1);
  expectAddOutputs(unwrap(model->run(makeAddInputs(3))), 3);
}

TEST(ModelTest, RunsConcurrently) {
  std::unique_ptr<Model> model = loadModel("add_model");
  model->setNumThreads(2);
  std::vector<std::thread> callers;
  for (int caller = 0; caller < 4; ++caller)
    callers.emplace_back([&, caller] {
      float scale = 2 + caller;
      std::vector<Tensor> inputs = makeAddInputs(scale);
      for (int repeat = 0; repeat < 50; ++repeat)
        expectAddOutputs(unwrap(model->run(inputs)), scale);
    });
  for (std::thread &caller : callers)
    caller.join();
}

TEST(ModelTest, UnloadsAfterRunningOnItsThreadPool) {
  // Unloading stops the model's pool threads before the code they run is
  // unmapped.
  for (int i = 0; i < 10; ++i) {
    std::unique_ptr<Model> model = loadModel("add_model");
    model->setNumThreads(4);
    expectAddOutputs(unwrap(model->run(makeAddInputs(2))), 2);
  }
}

TEST(ModelTest, LoadsARelativePathFromTheCurrentFolder) {
  llvm::SmallString<256> previous;
  ASSERT_FALSE(llvm::sys::fs::current_path(previous));
  ASSERT_FALSE(llvm::sys::fs::set_current_path(KILN_TEST_MODELS_DIR));
  llvm::Expected<std::unique_ptr<Model>> model = Model::load("add_model.so");
  ASSERT_FALSE(llvm::sys::fs::set_current_path(previous));
  EXPECT_EQ(getMessage(model.takeError()), "success");
}

TEST(ModelTest, CopiesEveryDType) {
  std::unique_ptr<Model> model = loadModel("identity_model");
  ASSERT_EQ(model->getInputs().size(), getAllDTypes().size());
  std::vector<Tensor> inputs;
  for (const TensorInfo &info : model->getInputs())
    inputs.push_back(makePatternTensor(info.dtype, info.shape));
  std::vector<Tensor> outputs = unwrap(model->run(inputs));
  ASSERT_EQ(outputs.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i)
    EXPECT_TRUE(haveSameContents(inputs[i], outputs[i]))
        << model->getInputs()[i].name;
}

TEST(ModelTest, ReadsInputsInPlace) {
  std::unique_ptr<Model> model = loadModel("add_model");
  std::vector<Tensor> inputs = makeAddInputs(2);
  std::vector<TensorRef> refs = {inputs[0].getRef(), inputs[1].getRef()};
  EXPECT_EQ(refs[0].data, inputs[0].getData());
  std::vector<Tensor> outputs = unwrap(model->allocateOutputs());
  EXPECT_EQ(getMessage(model->run(refs, outputs)), "success");
  expectAddOutputs(outputs, 2);

  int64_t wrongShape[] = {3, 2};
  refs[1].shape = wrongShape;
  EXPECT_EQ(getMessage(model->checkInputs(refs)),
            "input 'b' (#1): expected float32 2x3, got float32 3x2");
}

TEST(ModelTest, ChecksTheInputs) {
  std::unique_ptr<Model> model = loadModel("add_model");
  std::vector<Tensor> inputs = makeAddInputs(1);
  EXPECT_EQ(getMessage(model->checkInputs(inputs)), "success");

  std::vector<Tensor> tooFew;
  tooFew.push_back(std::move(inputs[0]));
  EXPECT_EQ(getMessage(model->run(tooFew)),
            "the model has 2 inputs ('a', 'b'), got 1");

  inputs = makeAddInputs(1);
  inputs[1] = makePatternTensor(DType::Int64, {2, 3});
  EXPECT_EQ(getMessage(model->checkInputs(inputs, {"a.npy", "b.npy"})),
            "input 'b' (#1): expected float32 2x3, got int64 2x3 from b.npy");

  inputs[1] = makePatternTensor(DType::Float32, {3, 2});
  EXPECT_EQ(getMessage(model->run(inputs)),
            "input 'b' (#1): expected float32 2x3, got float32 3x2");
}

TEST(ModelTest, ChecksTheOutputs) {
  std::unique_ptr<Model> model = loadModel("add_model");
  std::vector<Tensor> outputs = unwrap(model->allocateOutputs());
  outputs[1] = makePatternTensor(DType::Int64, {3});
  EXPECT_EQ(getMessage(model->run(makeAddInputs(1), outputs)),
            "output 'row_argmax' (#1): expected int64 2, got int64 3");
}

TEST(ModelTest, ReportsFailedRuns) {
  std::unique_ptr<Model> model = loadModel("add_model");
  std::vector<Tensor> inputs = makeAddInputs(1);
  inputs[0].getElements<float>()[4] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(getMessage(model->run(inputs)),
            "model '" + getModelPath("add_model") +
                "' failed: kiln_model_run returned 1");
}

TEST(ModelTest, RejectsOtherABIVersions) {
  std::string path = getModelPath("abi_mismatch_model");
  EXPECT_EQ(getMessage(Model::load(path)),
            "model '" + path +
                "': compiled for model ABI version 999, but this runtime "
                "implements version 1; recompile it with a matching "
                "kiln-compile");
}

TEST(ModelTest, RejectsLibrariesThatAreNotModels) {
  EXPECT_EQ(getMessage(Model::load(KILN_RUNTIME_LIBRARY)),
            "'" KILN_RUNTIME_LIBRARY "' is not a Kiln model: it does not "
            "export kiln_model_get_info");
  EXPECT_EQ(getMessage(Model::load("/nonexistent/model.so")),
            "cannot load model '/nonexistent/model.so': cannot open shared "
            "object file: No such file or directory");
}

} // namespace
