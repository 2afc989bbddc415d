"""Channels to the IAD services from Python: h2c address, optional bearer token, message-size limits."""

from __future__ import annotations

import collections
from collections.abc import Sequence

import grpc

# The services accept and send messages up to 64 MiB (Iad:MaxMessageBytes); gRPC's 4 MiB default would refuse large
# anomaly maps or images.
DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024


class _CallDetails(
        collections.namedtuple("_CallDetails",
                               ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")),
        grpc.ClientCallDetails):
    pass


class BearerTokenInterceptor(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor,
                             grpc.StreamUnaryClientInterceptor, grpc.StreamStreamClientInterceptor):
    """Adds ``authorization: Bearer <token>`` to every call.

    Call credentials would do the same but gRPC Python attaches them only to TLS channels, and the services listen on
    cleartext h2c unless a certificate is configured.
    """

    def __init__(self, token: str) -> None:
        if not token.strip():
            raise ValueError("bearer token is empty")
        self._header = ("authorization", f"Bearer {token.strip()}")

    def _with_token(self, details: grpc.ClientCallDetails) -> _CallDetails:
        metadata: list[tuple[str, str | bytes]] = list(details.metadata or [])
        metadata.append(self._header)
        return _CallDetails(details.method, details.timeout, metadata, details.credentials,
                            getattr(details, "wait_for_ready", None), getattr(details, "compression", None))

    def intercept_unary_unary(self, continuation, client_call_details, request):
        return continuation(self._with_token(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):
        return continuation(self._with_token(client_call_details), request)

    def intercept_stream_unary(self, continuation, client_call_details, request_iterator):
        return continuation(self._with_token(client_call_details), request_iterator)

    def intercept_stream_stream(self, continuation, client_call_details, request_iterator):
        return continuation(self._with_token(client_call_details), request_iterator)


def open_channel(address: str, token: str | None = None,
                 max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES) -> grpc.Channel:
    """Opens a cleartext HTTP/2 channel to ``address`` (``host:port``, e.g. ``127.0.0.1:7103``).

    With ``token`` every call carries it as a bearer token. ``max_message_bytes`` bounds messages in both directions.
    Close the channel (or use it in a ``with`` block) when done.
    """
    if max_message_bytes <= 0:
        raise ValueError(f"max_message_bytes = {max_message_bytes} must be positive")
    options: Sequence[tuple[str, int]] = (
        ("grpc.max_receive_message_length", max_message_bytes),
        ("grpc.max_send_message_length", max_message_bytes),
    )
    channel = grpc.insecure_channel(address, options=options)
    return grpc.intercept_channel(channel, BearerTokenInterceptor(token)) if token else channel


def status_name(error: grpc.RpcError) -> str:
    """The gRPC status name of a failed call, e.g. ``INVALID_ARGUMENT``."""
    code = error.code() if isinstance(error, grpc.Call) else None
    return code.name if code is not None else "UNKNOWN"


def status_details(error: grpc.RpcError) -> str:
    """The server's status message of a failed call, or the error text when the call never reached a server."""
    details = error.details() if isinstance(error, grpc.Call) else None
    return details or str(error)
