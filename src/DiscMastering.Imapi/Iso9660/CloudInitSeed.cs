namespace DiscMastering.Imapi.Iso9660;

/// <summary>What cloud-init's NoCloud data source looks for on a seed disc.</summary>
public static class CloudInitSeed
{
    /// <summary>The volume label NoCloud finds the seed by (it accepts it in either case).</summary>
    public const string VolumeLabel = "cidata";

    /// <summary>The files that must be at the disc's root. <c>network-config</c> and <c>vendor-data</c> are optional; other files are ignored by cloud-init.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = ["user-data", "meta-data"];

    /// <summary>True when <paramref name="label"/> is the seed's label (NoCloud compares it without case).</summary>
    public static bool IsSeedLabel(string label) => string.Equals(label, VolumeLabel, StringComparison.OrdinalIgnoreCase);
}
