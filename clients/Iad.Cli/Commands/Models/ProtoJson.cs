using Google.Protobuf;

namespace Iad.Cli.Commands.Models;

/// <summary>
/// Messages as proto3 JSON on one line, with the proto's snake_case field names and default values included, so scripts
/// see every field of a registry record (64-bit integers are strings, enums their proto names, timestamps RFC 3339).
/// </summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(true));

    public static string Format(IMessage message) => Formatter.Format(message);
}
