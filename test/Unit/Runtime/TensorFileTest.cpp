//===- TensorFileTest.cpp - unit tests of .npy and TensorProto files ------===//

#include "RuntimeTestUtils.h"

#include "kiln/Runtime/TensorFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "onnx/onnx_pb.h"

using namespace mlir::kiln::runtime;
using namespace mlir::kiln::runtime::testing;

namespace {

const llvm::SmallVector<int64_t> kShapes[] = {
    {2, 3}, {}, {5}, {0, 3}, {2, 1, 2}};

std::string toNpy(const Tensor &tensor) {
  std::string bytes;
  llvm::raw_string_ostream os(bytes);
  writeNpy(tensor, os);
  return bytes;
}

std::string toTensorProto(const Tensor &tensor) {
  std::string bytes;
  llvm::raw_string_ostream os(bytes);
  writeTensorProto(tensor, os);
  return bytes;
}

/// A .npy file of format version `major`.0 with the header `header`
/// (unpadded) and `data`.
std::string makeNpy(unsigned major, llvm::StringRef header,
                    llvm::StringRef data) {
  std::string bytes = "\x93NUMPY";
  bytes += static_cast<char>(major);
  bytes += '\0';
  size_t length = header.size();
  for (unsigned i = 0; i < (major == 1 ? 2u : 4u); ++i)
    bytes += static_cast<char>(length >> (8 * i) & 0xff);
  return bytes + header.str() + data.str();
}

std::string getNpyError(llvm::StringRef header, llvm::StringRef data = "") {
  return getMessage(parseNpy(makeNpy(1, header, data)));
}

TEST(TensorFileTest, RoundTripsEveryDTypeThroughNpy) {
  for (DType dtype : getAllDTypes())
    for (llvm::ArrayRef<int64_t> shape : kShapes) {
      Tensor tensor = makePatternTensor(dtype, shape);
      Tensor parsed = unwrap(parseNpy(toNpy(tensor)));
      EXPECT_TRUE(haveSameContents(tensor, parsed))
          << formatTensorType(dtype, shape);
    }
}

TEST(TensorFileTest, RoundTripsEveryDTypeThroughTensorProto) {
  for (DType dtype : getAllDTypes())
    for (llvm::ArrayRef<int64_t> shape : kShapes) {
      Tensor tensor = makePatternTensor(dtype, shape);
      Tensor parsed = unwrap(parseTensorProto(toTensorProto(tensor)));
      EXPECT_TRUE(haveSameContents(tensor, parsed))
          << formatTensorType(dtype, shape);
    }
}

TEST(TensorFileTest, WritesNpyHeadersLikeNumpy) {
  // numpy.save(f, numpy.zeros((2, 3), numpy.float32)): a 118-byte header,
  // so that the data starts at offset 128.
  std::string npy = toNpy(unwrap(Tensor::create(DType::Float32, {2, 3})));
  std::string dict =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  EXPECT_EQ(npy.substr(0, 10), std::string("\x93NUMPY\x01\x00\x76\x00", 10));
  EXPECT_EQ(npy.substr(10, 118),
            dict + std::string(118 - 1 - dict.size(), ' ') + "\n");
  EXPECT_EQ(npy.size(), 128u + 24u);

  auto getDict = [](DType dtype, llvm::ArrayRef<int64_t> shape) {
    std::string npy = toNpy(unwrap(Tensor::create(dtype, shape)));
    return llvm::StringRef(npy)
        .drop_front(10)
        .take_until([](char c) { return c == '}'; })
        .str();
  };
  EXPECT_EQ(getDict(DType::Bool, {5}),
            "{'descr': '|b1', 'fortran_order': False, 'shape': (5,), ");
  EXPECT_EQ(getDict(DType::BFloat16, {}),
            "{'descr': '|V2', 'fortran_order': False, 'shape': (), ");
  EXPECT_EQ(getDict(DType::UInt8, {1, 2}),
            "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 2), ");
  EXPECT_EQ(getDict(DType::Float16, {1}),
            "{'descr': '<f2', 'fortran_order': False, 'shape': (1,), ");
}

TEST(TensorFileTest, WritesNpyVersion2ForLongHeaders) {
  // 30000 extents of 1 need a header longer than 1.0's 65535 bytes.
  llvm::SmallVector<int64_t> shape(30000, 1);
  Tensor tensor = makePatternTensor(DType::Int32, shape);
  std::string npy = toNpy(tensor);
  EXPECT_EQ(npy[6], 2);
  EXPECT_EQ((npy.size() - tensor.getNumBytes()) % 64, 0u);
  EXPECT_TRUE(haveSameContents(tensor, unwrap(parseNpy(npy))));
}

TEST(TensorFileTest, ParsesNpyVariants) {
  std::string data(12, '\1');
  for (unsigned major : {1, 2, 3}) {
    Tensor tensor = unwrap(parseNpy(makeNpy(
        major, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }\n",
        data)));
    EXPECT_EQ(tensor.getElements<int32_t>(),
              llvm::ArrayRef<int32_t>({0x01010101, 0x01010101, 0x01010101}));
  }
  // Native byte order, double quotes, no trailing comma, Python 2 longs,
  // ml_dtypes' bfloat16 descr.
  Tensor tensor = unwrap(parseNpy(makeNpy(
      1, "{\"descr\": \"=i2\", \"shape\": (2L, 3L), \"fortran_order\": False}",
      data)));
  EXPECT_EQ(formatTensorType(tensor.getDType(), tensor.getShape()),
            "int16 2x3");
  tensor = unwrap(parseNpy(makeNpy(
      1, "{'descr': '<V2', 'fortran_order': False, 'shape': (3, 2), }", data)));
  EXPECT_EQ(tensor.getDType(), DType::BFloat16);
  // Byte order does not matter for bytes.
  tensor = unwrap(parseNpy(makeNpy(
      1, "{'descr': '>u1', 'fortran_order': False, 'shape': (12,), }", data)));
  EXPECT_EQ(tensor.getDType(), DType::UInt8);
}

TEST(TensorFileTest, ReportsNpyErrors) {
  EXPECT_EQ(getMessage(parseNpy("hello")),
            "not a .npy file (no \\x93NUMPY magic)");
  EXPECT_EQ(getMessage(parseNpy(makeNpy(4, "{}", ""))),
            "unsupported .npy format version 4.0");
  EXPECT_EQ(getMessage(parseNpy(std::string("\x93NUMPY\x01\x00\x70", 9))),
            "truncated .npy file");
  EXPECT_EQ(getMessage(parseNpy(std::string("\x93NUMPY\x01\x00\x70\x00{", 11))),
            "truncated .npy header");
  EXPECT_EQ(
      getNpyError("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
                  std::string(24, '\0')),
      "Fortran-order arrays are not supported; save a C-order array "
      "(numpy.ascontiguousarray)");
  EXPECT_EQ(
      getNpyError("{'descr': '>f4', 'fortran_order': False, 'shape': (), }"),
      "unsupported dtype '>f4': big-endian data is not supported "
      "(convert with array.astype(array.dtype.newbyteorder('<')))");
  EXPECT_EQ(
      getNpyError("{'descr': '<c8', 'fortran_order': False, 'shape': (), }"),
      "unsupported dtype '<c8'");
  EXPECT_EQ(
      getNpyError("{'descr': '<U3', 'fortran_order': False, 'shape': (), }"),
      "unsupported dtype '<U3'");
  EXPECT_EQ(getNpyError("{'descr': [('x', '<f4')], 'fortran_order': False, "
                        "'shape': (), }"),
            "malformed .npy header: 'descr' must be a string (structured "
            "arrays are not supported) in \"{'descr': [('x', '<f4')], "
            "'fortran_order': False, 'shape': (), }\"");
  EXPECT_EQ(getNpyError("{'descr': '<f4', 'fortran_order': False}"),
            "malformed .npy header: 'descr', 'fortran_order' and 'shape' are "
            "required in \"{'descr': '<f4', 'fortran_order': False}\"");
  EXPECT_EQ(getNpyError("{'descr': '<f4', 'shape': (2, x)}"),
            "malformed .npy header: 'shape' must be a tuple of integers in "
            "\"{'descr': '<f4', 'shape': (2, x)}\"");
  EXPECT_EQ(getNpyError("{'descr': '<f4', 'fortran_order': False, 'shape': "
                        "(2, 3), }",
                        std::string(20, '\0')),
            "float32 2x3 data must be 24 bytes, got 20");
  EXPECT_EQ(getNpyError("{'descr': '|b1', 'fortran_order': False, 'shape': "
                        "(3,), }",
                        std::string("\0\2\1", 3)),
            "bool element 1 is 2, not 0 or 1");
  EXPECT_EQ(getNpyError("{'descr': '<f4', 'fortran_order': False, 'shape': "
                        "(-1, 3), }"),
            "shape -1x3 has a negative extent");
}

TEST(TensorFileTest, ParsesTypedTensorProtoFields) {
  onnx::TensorProto proto;
  proto.add_dims(2);
  proto.set_data_type(onnx::TensorProto::FLOAT);
  proto.add_float_data(1.5f);
  proto.add_float_data(-2);
  Tensor tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<float>(), llvm::ArrayRef<float>({1.5f, -2}));

  proto.clear_float_data();
  proto.set_data_type(onnx::TensorProto::INT8);
  proto.add_int32_data(-128);
  proto.add_int32_data(127);
  tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<int8_t>(), llvm::ArrayRef<int8_t>({-128, 127}));

  // float16 and bfloat16 values are bit patterns.
  proto.clear_int32_data();
  proto.set_data_type(onnx::TensorProto::FLOAT16);
  proto.add_int32_data(0x3c00);
  proto.add_int32_data(0xc000);
  tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<uint16_t>(),
            llvm::ArrayRef<uint16_t>({0x3c00, 0xc000}));

  proto.clear_int32_data();
  proto.set_data_type(onnx::TensorProto::BOOL);
  proto.add_int32_data(1);
  proto.add_int32_data(0);
  tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<uint8_t>(), llvm::ArrayRef<uint8_t>({1, 0}));

  proto.clear_int32_data();
  proto.set_data_type(onnx::TensorProto::UINT32);
  proto.add_uint64_data(4000000000u);
  proto.add_uint64_data(7);
  tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<uint32_t>(),
            llvm::ArrayRef<uint32_t>({4000000000u, 7}));

  proto.clear_uint64_data();
  proto.set_data_type(onnx::TensorProto::INT64);
  proto.add_int64_data(-5);
  proto.add_int64_data(int64_t(1) << 40);
  tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<int64_t>(),
            llvm::ArrayRef<int64_t>({-5, int64_t(1) << 40}));

  proto.clear_int64_data();
  proto.set_data_type(onnx::TensorProto::DOUBLE);
  proto.add_double_data(0.25);
  proto.add_double_data(1e300);
  tensor = unwrap(parseTensorProto(proto.SerializeAsString()));
  EXPECT_EQ(tensor.getElements<double>(),
            llvm::ArrayRef<double>({0.25, 1e300}));
}

TEST(TensorFileTest, ReportsTensorProtoErrors) {
  EXPECT_EQ(getMessage(parseTensorProto("not a protobuf")),
            "not a serialized onnx.TensorProto");

  onnx::TensorProto proto;
  proto.add_dims(2);
  proto.add_dims(3);
  proto.set_data_type(onnx::TensorProto::FLOAT);
  for (int i = 0; i < 5; ++i)
    proto.add_float_data(i);
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "float32 2x3 needs 6 values in raw_data or float_data, got 5 in "
            "float_data");
  proto.set_raw_data("four");
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "float32 2x3 data must be 24 bytes, got 4");

  proto = onnx::TensorProto();
  proto.add_dims(2);
  proto.set_data_type(onnx::TensorProto::INT8);
  proto.add_int32_data(1);
  proto.add_int32_data(300);
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "int32_data value 300 (element 1) does not fit in int8");
  proto.set_data_type(onnx::TensorProto::BOOL);
  proto.set_int32_data(1, 2);
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "int32_data value 2 (element 1) does not fit in bool");

  proto.set_data_type(onnx::TensorProto::STRING);
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "unsupported element type STRING");
  // FLOAT8E4M3FN, newer than libonnx's enum.
  proto.set_data_type(17);
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "unsupported element type data type 17");

  proto.set_data_type(onnx::TensorProto::INT8);
  proto.set_data_location(onnx::TensorProto::EXTERNAL);
  EXPECT_EQ(getMessage(parseTensorProto(proto.SerializeAsString())),
            "tensors with external data are not supported");
}

class TensorFileIOTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("kiln-tensor-files", directory));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(directory); }

  std::string getPath(llvm::StringRef name) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, name);
    return path.str().str();
  }

  llvm::SmallString<256> directory;
};

TEST_F(TensorFileIOTest, PicksTheFormatByExtension) {
  Tensor tensor = makePatternTensor(DType::Float16, {3, 2});
  for (llvm::StringRef name : {"x.npy", "x.pb"}) {
    std::string path = getPath(name);
    EXPECT_EQ(getMessage(writeTensorFile(tensor, path)), "success");
    EXPECT_TRUE(haveSameContents(tensor, unwrap(readTensorFile(path))))
        << name.str();
  }
  // The .npy file is a .npy file, not a TensorProto.
  std::string npyAsPb = getPath("npy.pb");
  ASSERT_FALSE(llvm::sys::fs::copy_file(getPath("x.npy"), npyAsPb));
  EXPECT_FALSE(static_cast<bool>(readTensorFile(npyAsPb)));
  std::string pbAsNpy = getPath("pb.npy");
  ASSERT_FALSE(llvm::sys::fs::copy_file(getPath("x.pb"), pbAsNpy));
  EXPECT_EQ(getMessage(readTensorFile(pbAsNpy)),
            pbAsNpy + ": not a .npy file (no \\x93NUMPY magic)");
}

TEST_F(TensorFileIOTest, ReportsFileErrors) {
  Tensor tensor = makePatternTensor(DType::Int32, {2});
  std::string text = getPath("x.txt");
  EXPECT_EQ(getMessage(writeTensorFile(tensor, text)),
            text + ": unknown tensor file extension '.txt' (expected .npy or "
                   ".pb)");
  EXPECT_EQ(getMessage(readTensorFile(text)),
            text + ": unknown tensor file extension '.txt' (expected .npy or "
                   ".pb)");
  std::string missing = getPath("missing.npy");
  EXPECT_EQ(getMessage(readTensorFile(missing)),
            "cannot read '" + missing + "': No such file or directory");
  std::string unwritable = getPath("no/such/folder/x.npy");
  EXPECT_EQ(getMessage(writeTensorFile(tensor, unwritable)),
            "cannot write '" + unwritable + "': No such file or directory");
}

} // namespace
