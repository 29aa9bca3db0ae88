//===- NpyFormat.cpp - NumPy's .npy format --------------------------------===//
//
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html:
// the magic "\x93NUMPY", a major and a minor version byte, the header length
// (uint16 in 1.0, uint32 in 2.0 and 3.0, little-endian), the header (a Python
// dict literal with 'descr', 'fortran_order' and 'shape', padded with spaces
// and a newline so that the data starts 64-byte aligned), then the data.
//
//===----------------------------------------------------------------------===//

#include "kiln/Runtime/TensorFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::kiln::runtime {

namespace {

constexpr llvm::StringLiteral kMagic("\x93NUMPY");
constexpr size_t kHeaderAlignment = 64;

/// numpy's type character of each dtype; the size completes the descr.
/// bfloat16 is numpy's 2-byte void type.
char getNpyKind(DType dtype) {
  switch (dtype) {
  case DType::Float16:
  case DType::Float32:
  case DType::Float64:
    return 'f';
  case DType::Int8:
  case DType::Int16:
  case DType::Int32:
  case DType::Int64:
    return 'i';
  case DType::UInt8:
  case DType::UInt16:
  case DType::UInt32:
  case DType::UInt64:
    return 'u';
  case DType::Bool:
    return 'b';
  case DType::BFloat16:
    return 'V';
  }
  llvm_unreachable("unknown DType");
}

/// The descr numpy writes: '<f4', '|u1', '|b1', '|V2'.
std::string getNpyDescr(DType dtype) {
  size_t size = getDTypeSize(dtype);
  char kind = getNpyKind(dtype);
  char byteOrder = size == 1 || kind == 'V' ? '|' : '<';
  return (llvm::Twine(byteOrder) + llvm::Twine(kind) + llvm::Twine(size)).str();
}

llvm::Expected<DType> getDTypeFromDescr(llvm::StringRef descr) {
  auto unsupported = [&](const llvm::Twine &why) {
    return llvm::createStringError("unsupported dtype '" + descr + "'" + why);
  };
  size_t size = 0;
  if (descr.size() < 3 || descr.drop_front(2).getAsInteger(10, size))
    return unsupported("");
  char byteOrder = descr[0];
  if (!llvm::is_contained("<>|=", byteOrder))
    return unsupported("");
  if (byteOrder == '>' && size > 1)
    return unsupported(": big-endian data is not supported (convert with "
                       "array.astype(array.dtype.newbyteorder('<')))");
  for (DType dtype : getAllDTypes())
    if (getNpyKind(dtype) == descr[1] && getDTypeSize(dtype) == size)
      return dtype;
  return unsupported("");
}

struct NpyHeader {
  DType dtype;
  bool fortranOrder;
  llvm::SmallVector<int64_t> shape;
};

/// Parses the header dict, e.g.
/// {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
class NpyHeaderParser {
public:
  explicit NpyHeaderParser(llvm::StringRef text) : text(text), rest(text) {}

  llvm::Expected<NpyHeader> parse() {
    std::optional<DType> dtype;
    std::optional<bool> fortranOrder;
    std::optional<llvm::SmallVector<int64_t>> shape;
    if (!consume("{"))
      return error("expected '{'");
    while (!consume("}")) {
      std::optional<llvm::StringRef> key = parseString();
      if (!key || !consume(":"))
        return error("expected a key and ':'");
      if (*key == "descr") {
        std::optional<llvm::StringRef> descr = parseString();
        if (!descr)
          return error("'descr' must be a string (structured arrays are not "
                       "supported)");
        llvm::Expected<DType> parsed = getDTypeFromDescr(*descr);
        if (!parsed)
          return parsed.takeError();
        dtype = *parsed;
      } else if (*key == "fortran_order") {
        if (!(fortranOrder = parseBool()))
          return error("'fortran_order' must be True or False");
      } else if (*key == "shape") {
        if (!(shape = parseShape()))
          return error("'shape' must be a tuple of integers");
      } else {
        return error("unknown key '" + *key + "'");
      }
      if (!consume(",")) {
        if (!consume("}"))
          return error("expected ',' or '}'");
        break;
      }
    }
    if (!rest.trim().empty())
      return error("unexpected text after the dict");
    if (!dtype || !fortranOrder || !shape)
      return error("'descr', 'fortran_order' and 'shape' are required");
    return NpyHeader{*dtype, *fortranOrder, std::move(*shape)};
  }

private:
  bool consume(llvm::StringRef token) {
    rest = rest.ltrim();
    return rest.consume_front(token);
  }

  std::optional<llvm::StringRef> parseString() {
    rest = rest.ltrim();
    if (rest.empty() || (rest.front() != '\'' && rest.front() != '"'))
      return std::nullopt;
    char quote = rest.front();
    size_t end = rest.find(quote, 1);
    if (end == llvm::StringRef::npos)
      return std::nullopt;
    llvm::StringRef value = rest.slice(1, end);
    rest = rest.drop_front(end + 1);
    return value;
  }

  std::optional<bool> parseBool() {
    if (consume("True"))
      return true;
    if (consume("False"))
      return false;
    return std::nullopt;
  }

  /// "()", "(3,)", "(2, 3)"; Python 2's numpy wrote "(2L, 3L)".
  std::optional<llvm::SmallVector<int64_t>> parseShape() {
    if (!consume("("))
      return std::nullopt;
    llvm::SmallVector<int64_t> shape;
    while (!consume(")")) {
      int64_t extent = 0;
      rest = rest.ltrim();
      if (rest.consumeInteger(10, extent))
        return std::nullopt;
      rest.consume_front("L");
      shape.push_back(extent);
      if (!consume(",")) {
        if (!consume(")"))
          return std::nullopt;
        break;
      }
    }
    return shape;
  }

  llvm::Error error(const llvm::Twine &message) {
    return llvm::createStringError("malformed .npy header: " + message +
                                   " in \"" + text + "\"");
  }

  llvm::StringRef text;
  llvm::StringRef rest;
};

uint32_t readLittleEndian(llvm::StringRef bytes) {
  uint32_t value = 0;
  for (unsigned char byte : llvm::reverse(bytes))
    value = value << 8 | byte;
  return value;
}

void writeLittleEndian(llvm::raw_ostream &os, uint32_t value,
                       unsigned numBytes) {
  for (unsigned i = 0; i < numBytes; ++i)
    os << static_cast<char>(value >> (8 * i) & 0xff);
}

} // namespace

llvm::Expected<Tensor> parseNpy(llvm::StringRef contents) {
  if (!contents.starts_with(kMagic) || contents.size() < kMagic.size() + 2)
    return llvm::createStringError("not a .npy file (no \\x93NUMPY magic)");
  unsigned major = static_cast<unsigned char>(contents[6]);
  unsigned minor = static_cast<unsigned char>(contents[7]);
  if (major < 1 || major > 3 || minor != 0)
    return llvm::createStringError("unsupported .npy format version " +
                                   llvm::Twine(major) + "." +
                                   llvm::Twine(minor));
  // 1.0 has a 2-byte header length, 2.0 and 3.0 (a UTF-8 header) 4 bytes.
  size_t lengthBytes = major == 1 ? 2 : 4;
  size_t prefixSize = kMagic.size() + 2 + lengthBytes;
  if (contents.size() < prefixSize)
    return llvm::createStringError("truncated .npy file");
  size_t headerSize =
      readLittleEndian(contents.substr(kMagic.size() + 2, lengthBytes));
  if (contents.size() < prefixSize + headerSize)
    return llvm::createStringError("truncated .npy header");

  llvm::Expected<NpyHeader> header =
      NpyHeaderParser(contents.substr(prefixSize, headerSize).rtrim()).parse();
  if (!header)
    return header.takeError();
  if (header->fortranOrder)
    return llvm::createStringError(
        "Fortran-order arrays are not supported; save a C-order array "
        "(numpy.ascontiguousarray)");
  llvm::StringRef data = contents.drop_front(prefixSize + headerSize);
  return Tensor::fromBytes(header->dtype, header->shape,
                           llvm::arrayRefFromStringRef(data));
}

void writeNpy(const Tensor &tensor, llvm::raw_ostream &os) {
  std::string header;
  llvm::raw_string_ostream headerStream(header);
  headerStream << "{'descr': '" << getNpyDescr(tensor.getDType())
               << "', 'fortran_order': False, 'shape': (";
  llvm::interleave(tensor.getShape(), headerStream, ", ");
  if (tensor.getShape().size() == 1)
    headerStream << ",";
  headerStream << "), }";

  // Pads with spaces and a final newline so that the data is aligned.
  auto paddedSize = [&](size_t prefixSize) {
    return llvm::alignTo(prefixSize + header.size() + 1, kHeaderAlignment) -
           prefixSize;
  };
  unsigned major = 1;
  size_t lengthBytes = 2;
  size_t headerSize = paddedSize(kMagic.size() + 2 + lengthBytes);
  if (headerSize > UINT16_MAX) {
    major = 2;
    lengthBytes = 4;
    headerSize = paddedSize(kMagic.size() + 2 + lengthBytes);
  }
  header.resize(headerSize - 1, ' ');
  header += '\n';

  os << kMagic << static_cast<char>(major) << '\0';
  writeLittleEndian(os, headerSize, lengthBytes);
  os << header;
  os << llvm::toStringRef(tensor.getBytes());
}

} // namespace mlir::kiln::runtime
