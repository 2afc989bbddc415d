"""The iad.v1 Python messages and stubs, generated from protos/iad/v1 on first use.

Generated code is never part of the source tree. By default it lives in
``$XDG_CACHE_HOME/iad-python/<fingerprint>/`` (``~/.cache`` when XDG_CACHE_HOME is unset), where the fingerprint is
the SHA-256 of the proto files, so editing a proto regenerates instead of silently using stale code.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
GENERATE_SCRIPT = HERE / "generate.sh"
PROTO_FILES = ("common", "dataset", "detection", "metrics", "training")


class GenerationError(RuntimeError):
    """generate.sh failed; the message carries its output and the packages to install."""


@dataclass(frozen=True)
class Protos:
    """The imported modules of iad.v1 this client uses."""

    common: ModuleType
    detection: ModuleType
    detection_grpc: ModuleType
    directory: Path


def proto_root() -> Path:
    """Root holding iad/v1/*.proto: $IAD_PROTOS, else the repository's protos/ folder."""
    return Path(os.environ.get("IAD_PROTOS", HERE.parent.parent / "protos")).resolve()


def fingerprint(root: Path) -> str:
    """First 16 hex digits of SHA-256 over each proto's name and bytes, in a fixed order."""
    digest = hashlib.sha256()
    for name in PROTO_FILES:
        path = root / "iad" / "v1" / f"{name}.proto"
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "iad-python"


def _is_generated(directory: Path) -> bool:
    return all((directory / "iad" / "v1" / f"{name}_pb2.py").is_file() for name in PROTO_FILES)


def _generate(target: Path, root: Path) -> None:
    environment = dict(os.environ, PYTHON=sys.executable, IAD_PROTOS=str(root))
    result = subprocess.run(["bash", str(GENERATE_SCRIPT), str(target)], env=environment,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerationError(f"generating Python code from {root} failed (exit {result.returncode}):\n"
                              f"{result.stderr.strip() or result.stdout.strip()}")


def ensure_generated(generated: Path | None = None) -> Path:
    """Returns a directory holding the generated code, generating it when absent.

    ``generated`` names the directory explicitly (generated into when empty, used as is otherwise); by default a
    fingerprinted folder of :func:`default_cache` is used. Generation goes to a temporary sibling that is renamed into
    place, so concurrent clients never import half-written files.
    """
    root = proto_root()
    if generated is not None:
        if not _is_generated(generated):
            _generate(generated, root)
        return generated
    target = default_cache() / fingerprint(root)
    if _is_generated(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generating-", dir=target.parent))
    try:
        _generate(staging, root)
        staging.rename(target)
    except OSError:
        # Another client renamed its copy into place first; theirs is identical.
        if not _is_generated(target):
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def load(generated: Path | None = None) -> Protos:
    """Generates when needed, puts the code first on sys.path and imports the iad.v1 modules."""
    directory = ensure_generated(generated)
    sys.path.insert(0, str(directory))
    return Protos(
        common=importlib.import_module("iad.v1.common_pb2"),
        detection=importlib.import_module("iad.v1.detection_pb2"),
        detection_grpc=importlib.import_module("iad.v1.detection_pb2_grpc"),
        directory=directory,
    )
