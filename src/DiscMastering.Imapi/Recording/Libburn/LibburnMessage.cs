namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>One message from libburn's queue.</summary>
/// <param name="Severity">libburn's severity name, such as "SORRY" or "FAILURE".</param>
/// <param name="Code">libburn's message code (libdax_msgs.h numbering).</param>
/// <param name="OsErrno">The errno behind it, 0 when none.</param>
/// <param name="Text">libburn's own sentence.</param>
internal readonly record struct LibburnMessage(string Severity, int Code, int OsErrno, string Text)
{
    /// <summary>Severities from SORRY up mean an operation failed (libburn's ranks: ... WARNING SORRY MISHAP FAILURE FATAL ABORT).</summary>
    public bool IsError => Severity is "SORRY" or "MISHAP" or "FAILURE" or "FATAL" or "ABORT";
}
