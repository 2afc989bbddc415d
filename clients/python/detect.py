#!/usr/bin/env python3
"""Scores image files with a model of the IAD detection service and prints one JSON line per image.

Output on stdout (JSON Lines):
  first   {"models": [{"model_id", "name", "provider", "input_size", "threshold"?}, ...]}  the loaded models
  then    {"image", "model_id", "score", "provider", "label"?, "threshold"?, "total_us"}  one per scored image
``label`` appears when the model predicts one (it has a threshold); ``threshold`` when the model states it.
Failures go to stderr as ``error: <what>: <GRPC_STATUS_NAME>: <message>``. Images are scored one by one; a failing
image does not stop the others.

Exit status: 0 all images scored, 1 a call or an image failed, 2 bad command line, 3 missing Python packages or
code generation failure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

try:
    import grpc
except ImportError:
    print(f"error: the grpc package is not installed for {sys.executable}; "
          "Debian/Ubuntu: apt-get install -y python3-grpcio protobuf-compiler protobuf-compiler-grpc "
          "(and run this script with /usr/bin/python3)", file=sys.stderr)
    sys.exit(3)

import iad_client
import iad_protos

PROVIDERS = {"auto": "PROVIDER_PREFERENCE_AUTO", "cpu": "PROVIDER_PREFERENCE_CPU", "cuda": "PROVIDER_PREFERENCE_CUDA"}


class CommandError(Exception):
    """A failure already described for the user; carries the exit status."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Score images with the IAD detection service (iad.v1).")
    parser.add_argument("--address", default="127.0.0.1:7103", help="host:port of the detection service (h2c)")
    parser.add_argument("--token", default=os.environ.get("IAD_TOKEN"),
                        help="bearer token (default: $IAD_TOKEN; the environment keeps it out of process lists)")
    parser.add_argument("--model", help="model to use: a loaded model's id or name is used as is; any other id "
                                        "(registry '<name>[@<version>]' or 'file:<path>') is loaded first")
    parser.add_argument("--provider", choices=sorted(PROVIDERS), default="auto",
                        help="execution provider asked for when loading (default auto)")
    parser.add_argument("--timeout", type=float, default=60.0, help="deadline of each call, seconds (default 60)")
    parser.add_argument("--generated", type=Path,
                        help="directory of the generated iad.v1 code (generated there when empty; default: a cache "
                             "under $XDG_CACHE_HOME/iad-python keyed by the protos' contents)")
    parser.add_argument("images", nargs="+", type=Path, help="encoded image files (PNG, JPEG, BMP, TIFF)")
    args = parser.parse_args(argv)
    if args.timeout <= 0:
        parser.error(f"--timeout {args.timeout} must be positive")
    return args


def describe_model(model, common) -> dict:
    entry = {
        "model_id": model.model_id,
        "name": model.name,
        "provider": common.ExecutionProvider.Name(model.provider),
        "input_size": model.input_size,
    }
    if model.HasField("threshold"):
        entry["threshold"] = model.threshold
    return entry


def select_model(stub, protos: iad_protos.Protos, args: argparse.Namespace):
    """Loads ``--model`` when it is not loaded under that id or name, then returns (loaded models, model to use)."""
    pb = protos.detection
    try:
        models = list(stub.ListLoadedModels(pb.ListLoadedModelsRequest(), timeout=args.timeout).models)
        if args.model and not any(args.model in (m.model_id, m.name) for m in models):
            request = pb.LoadModelRequest(model_id=args.model, provider=pb.ProviderPreference.Value(PROVIDERS[args.provider]))
            loaded = stub.LoadModel(request, timeout=args.timeout).model
            models = list(stub.ListLoadedModels(pb.ListLoadedModelsRequest(), timeout=args.timeout).models)
            return models, loaded
    except grpc.RpcError as error:
        raise CommandError(f"error: {args.address}: {iad_client.status_name(error)}: "
                           f"{iad_client.status_details(error)}", 1) from error
    if args.model:
        return models, next(m for m in models if args.model in (m.model_id, m.name))
    if len(models) != 1:
        names = ", ".join(m.model_id for m in models) or "none"
        raise CommandError(f"error: {len(models)} models are loaded ({names}); choose one with --model", 2)
    return models, models[0]


def detect_one(stub, protos: iad_protos.Protos, model, path: Path, timeout: float) -> dict:
    pb, common = protos.detection, protos.common
    image = common.Image(encoded=common.EncodedImage(data=path.read_bytes(), format=path.suffix.lstrip(".").lower()))
    response = stub.Detect(pb.DetectRequest(model_id=model.model_id, images=[image]), timeout=timeout)
    detection = response.detections[0]
    line = {
        "image": str(path),
        "model_id": response.model_id,
        "score": detection.score,
        "provider": common.ExecutionProvider.Name(response.provider),
    }
    if detection.label != common.LABEL_UNSPECIFIED:
        line["label"] = common.Label.Name(detection.label)
    if model.HasField("threshold"):
        line["threshold"] = model.threshold
    line["total_us"] = response.timing.total_us
    return line


def run(args: argparse.Namespace) -> int:
    try:
        protos = iad_protos.load(args.generated)
    except (iad_protos.GenerationError, OSError) as error:
        raise CommandError(f"error: {error}", 3) from error
    failures = 0
    with iad_client.open_channel(args.address, args.token) as channel:
        stub = protos.detection_grpc.DetectionServiceStub(channel)
        models, model = select_model(stub, protos, args)
        print(json.dumps({"models": [describe_model(m, protos.common) for m in models]}), flush=True)
        for path in args.images:
            try:
                print(json.dumps(detect_one(stub, protos, model, path, args.timeout)), flush=True)
            except OSError as error:
                failures += 1
                print(f"error: {path}: {error.strerror or error}", file=sys.stderr)
            except grpc.RpcError as error:
                failures += 1
                print(f"error: {path}: {iad_client.status_name(error)}: {iad_client.status_details(error)}",
                      file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return run(args)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
