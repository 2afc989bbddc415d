namespace Iad.Reports.Model;

/// <summary>
/// The input of <see cref="ReportWriter"/>: one experiment run over one or more methods.
/// </summary>
/// <param name="Title">Report title.</param>
/// <param name="RunId">Identifier of the run, shown verbatim.</param>
/// <param name="CreatedUtc">When the run was created; written as ISO 8601 UTC.</param>
/// <param name="Description">Plain-text description (escaped, not interpreted).</param>
/// <param name="Methods">Methods in display order; may be empty (the report then has only its header and notes).</param>
/// <param name="Notes">Remarks shown at the end.</param>
public sealed record ExperimentReport(
    string Title,
    string RunId,
    DateTime CreatedUtc,
    string Description,
    IReadOnlyList<MethodResult> Methods,
    IReadOnlyList<Note> Notes);
