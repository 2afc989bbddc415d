#!/usr/bin/env bash
# Generates the Python messages (*_pb2.py) and gRPC stubs (*_pb2_grpc.py) of protos/iad/v1 into OUT_DIR.
#
# Usage: clients/python/generate.sh OUT_DIR
# Environment: PYTHON (interpreter whose grpc_tools to try, default python3),
#              IAD_PROTOS (proto root holding iad/v1, default the repository's protos/).
#
# grpc_tools.protoc is used when its bundled protoc is 3.15 or newer (proto3 `optional` fields need it). Debian 12's
# python3-grpc-tools bundles protoc 3.5.1, so there the system protoc (protobuf-compiler) and the gRPC Python plugin
# (protobuf-compiler-grpc) generate the same files instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
protos="${IAD_PROTOS:-$here/../../protos}"
python="${PYTHON:-python3}"
out="${1:?usage: generate.sh OUT_DIR}"

if [[ ! -f "$protos/iad/v1/detection.proto" ]]; then
  echo "generate.sh: no iad/v1/detection.proto under '$protos' (set IAD_PROTOS to the proto root)" >&2
  exit 2
fi
mkdir -p "$out"

# Prints "libprotoc X.Y.Z"; versions from 2022 on are numbered 21, 22, ... and so compare as majors above 3.
protoc_supports_optional() {
  "$@" --version 2>/dev/null | awk '{ split($2, v, "."); exit !(v[1] > 3 || (v[1] == 3 && v[2] >= 15)) }'
}

if protoc_supports_optional "$python" -m grpc_tools.protoc; then
  "$python" -m grpc_tools.protoc -I "$protos" --python_out="$out" --grpc_python_out="$out" "$protos"/iad/v1/*.proto
elif command -v protoc >/dev/null && command -v grpc_python_plugin >/dev/null && protoc_supports_optional protoc; then
  protoc -I "$protos" --python_out="$out" --grpc_python_out="$out" \
    --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" "$protos"/iad/v1/*.proto
else
  echo "generate.sh: no protoc >= 3.15 with the gRPC Python plugin found." >&2
  echo "  Debian/Ubuntu: apt-get install -y python3-grpcio protobuf-compiler protobuf-compiler-grpc" >&2
  echo "  elsewhere:     pip install grpcio grpcio-tools" >&2
  exit 3
fi
