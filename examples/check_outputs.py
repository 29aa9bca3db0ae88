"""Prints a model output and compares it with the reference.

Usage: check_outputs.py OUTPUT.npy EXPECTED.npy
Exits non-zero unless they agree to rtol 1e-4, atol 1e-5.
"""
import sys

import numpy as np


def main():
    output, expected = np.load(sys.argv[1]), np.load(sys.argv[2])
    np.set_printoptions(precision=4, suppress=True)
    print(f"output {output.dtype} {'x'.join(map(str, output.shape))}:")
    print(output)
    if output.shape != expected.shape:
        print(f"MISMATCH: shape {output.shape}, reference {expected.shape}")
        return 1
    error = float(np.max(np.abs(output - expected)))
    ok = np.allclose(output, expected, rtol=1e-4, atol=1e-5)
    print(f"{'OK' if ok else 'MISMATCH'}: max abs difference from the "
          f"reference {error:.2e}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
