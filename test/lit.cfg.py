# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "KILN"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.kiln_obj_root, "test")
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

tool_dirs = [config.kiln_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(
    [ToolSubst(tool, unresolved="fatal")
     for tool in ["kiln-opt", "kiln-compile", "kiln-run"]],
    tool_dirs)
# The runtime tests run the hand-written models of test/Runtime/Inputs.
config.substitutions.append(
    ("%test_models", os.path.join(config.kiln_obj_root, "test", "Runtime", "Inputs")))
config.substitutions.append(
    ("%kiln_libs", os.path.join(config.kiln_obj_root, "lib")))
# The Python bindings' package (build/python_packages/kiln).
config.substitutions.append(
    ("%kiln_python_packages", os.path.join(config.kiln_obj_root, "python_packages")))
# The importer tests build ONNX models with Debian's python3-onnx.
config.substitutions.append(("%python", "/usr/bin/python3"))
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

if os.path.isdir("/usr/share/libonnx-testdata/data"):
    config.available_features.add("onnx-testdata")
