# Warnings are bugs: every Kiln target builds with -Werror. LLVM/MLIR headers
# are included as SYSTEM, so their own warnings do not count against us.
# (HandleLLVMOptions already matches Debian LLVM's RTTI-on / exceptions-off.)
add_compile_options(-Wall -Wextra -Werror -Wno-unused-parameter)
