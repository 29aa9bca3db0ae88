//===- OpTable.cpp - table of ONNX op handlers ----------------------------===//

#include "OpTable.h"

#include "llvm/ADT/Twine.h"

namespace mlir::kiln::onnx_import {

namespace {
std::string getKey(StringRef domain, StringRef name) {
  // "ai.onnx" and "" both name the default domain.
  if (domain == "ai.onnx")
    domain = kDefaultDomain;
  return (Twine(domain) + "::" + name).str();
}
} // namespace

void OpTable::onOp(StringRef name, int64_t sinceVersion, OpHandler handler,
                   StringRef domain) {
  SmallVector<Entry, 1> &entries = handlers[getKey(domain, name)];
  entries.push_back({sinceVersion, std::move(handler)});
  llvm::sort(entries, [](const Entry &a, const Entry &b) {
    return a.sinceVersion < b.sinceVersion;
  });
}

const OpHandler *OpTable::lookup(StringRef domain, StringRef name,
                                 int64_t opset) const {
  auto it = handlers.find(getKey(domain, name));
  if (it == handlers.end())
    return nullptr;
  const OpHandler *best = nullptr;
  for (const Entry &entry : it->second)
    if (entry.sinceVersion <= opset)
      best = &entry.handler;
  return best;
}

bool OpTable::knows(StringRef domain, StringRef name) const {
  return handlers.contains(getKey(domain, name));
}

const OpTable &OpTable::get() {
  static const OpTable table = [] {
    OpTable result;
    populateDefaultDomainAtoF(result);
    populateDefaultDomainGtoP(result);
    populateDefaultDomainQtoZ(result);
    populateDefaultDomainRecurrent(result);
    populateDefaultDomainSignal(result);
    populateDefaultDomainSequence(result);
    populateDefaultDomainVision(result);
    populateMicrosoftDomain(result);
    populateKilnDomain(result);
    return result;
  }();
  return table;
}

} // namespace mlir::kiln::onnx_import
