namespace DiscMastering.Imapi;

/// <summary>A failure the user can fix, carrying its <see cref="DiscMasteringError"/> code.</summary>
public sealed class DiscMasteringException : Exception
{
    /// <summary>Creates an exception for one problem.</summary>
    public DiscMasteringException(DiscMasteringError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Problems = [this];
    }

    private DiscMasteringException(IReadOnlyList<DiscMasteringException> problems)
        : base(problems[0].Message)
    {
        Error = problems[0].Error;
        Problems = problems;
    }

    /// <summary>What went wrong, and the code the user sees.</summary>
    public DiscMasteringError Error { get; }

    /// <summary>Every problem found: one, or all of a scan's so that a user fixes them in one go.</summary>
    public IReadOnlyList<DiscMasteringException> Problems { get; }

    /// <summary>Throws the collected problems, if any, as one exception.</summary>
    internal static void ThrowIfAny(List<DiscMasteringException> problems)
    {
        if (problems.Count == 1)
        {
            throw problems[0];
        }

        if (problems.Count > 1)
        {
            throw new DiscMasteringException(problems.ToArray());
        }
    }
}
