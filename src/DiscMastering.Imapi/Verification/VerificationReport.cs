namespace DiscMastering.Imapi.Verification;

/// <summary>What <see cref="TreeVerifier"/> found: each list sorted by path; every list empty when the image holds exactly the sources.</summary>
public sealed class VerificationReport
{
    internal VerificationReport(
        IReadOnlyList<string> trees,
        IReadOnlyList<VerificationEntry> missing,
        IReadOnlyList<VerificationEntry> extra,
        IReadOnlyList<VerificationDifference> different,
        long filesCompared,
        long bytesCompared)
    {
        Trees = trees;
        Missing = missing;
        Extra = extra;
        Different = different;
        FilesCompared = filesCompared;
        BytesCompared = bytesCompared;
    }

    /// <summary>True when nothing is missing, extra or different.</summary>
    public bool IsEqual => Missing.Count == 0 && Extra.Count == 0 && Different.Count == 0;

    /// <summary>The trees compared, in order: "joliet" (when the image has one), "primary".</summary>
    public IReadOnlyList<string> Trees { get; }

    /// <summary>In the sources, not on the image.</summary>
    public IReadOnlyList<VerificationEntry> Missing { get; }

    /// <summary>On the image, not in the sources.</summary>
    public IReadOnlyList<VerificationEntry> Extra { get; }

    /// <summary>On the image and in the sources, with other content or another size.</summary>
    public IReadOnlyList<VerificationDifference> Different { get; }

    /// <summary>Files whose content was compared, counted once however many trees list them.</summary>
    public long FilesCompared { get; }

    /// <summary>Bytes of file content compared, counted once per file.</summary>
    public long BytesCompared { get; }
}
