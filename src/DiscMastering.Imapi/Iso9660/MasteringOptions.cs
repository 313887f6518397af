using System.Globalization;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660.RockRidge;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>What an image is made with, beyond its files.</summary>
public sealed class MasteringOptions
{
    /// <summary>The volume label: Joliet records it as given (at most 16 characters), the primary volume in d-characters.</summary>
    public string VolumeLabel { get; init; } = "CDROM";

    /// <summary>Publisher identifier, recorded in both volume descriptors.</summary>
    public string Publisher { get; init; } = "";

    /// <summary>Application identifier, recorded in both volume descriptors.</summary>
    public string ApplicationId { get; init; } = "DISCMASTERING";

    /// <summary>Allows Joliet names up to 103 characters instead of the specification's 64.</summary>
    public bool JolietLongNames { get; init; }

    /// <summary>
    /// Disc paths to leave off the disc, as <see cref="Sources.DiscPathGlob"/> patterns (<c>**/*.pdb</c>,
    /// <c>docs/internal/</c>): a match, and everything in a matching folder, is skipped before any check, so it
    /// never fails a name or size rule. Case-sensitive.
    /// </summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// Records Rock Ridge (SUSP 1.12, RRIP 1.12) in the primary tree: each name exactly as the source has it,
    /// POSIX modes (execute bits for programs), owner root and dates, which Linux and macOS show. Joliet is
    /// unaffected. On by default.
    /// </summary>
    public bool RockRidge { get; init; } = true;

    /// <summary>
    /// Rock Ridge permission rules, applied in order to the disc paths of files and folders; the last matching
    /// rule wins over the mode the content gives (0555 for folders and programs, 0444 for other files).
    /// </summary>
    public IReadOnlyList<FileModeRule> FileModes { get; init; } = [];

    /// <summary>
    /// Adds a UDF 1.02 file system beside ISO 9660 and Joliet (a UDF bridge image, as DVD-Video and Blu-ray
    /// discs are made): the same file data shared by every tree. It also lets files of 4 GiB and more on the
    /// disc: UDF holds them whole and ISO 9660 in several extents. Off by default.
    /// </summary>
    public bool Udf { get; init; }

    /// <summary>What the disc is for, when a convention fixes part of it (<see cref="MasteringPreset.CloudInit"/>).</summary>
    public MasteringPreset Preset { get; init; }

    /// <summary>El Torito boot images and the hybrid MBR/GPT; null (or no boot image named) for a disc that does not boot.</summary>
    public BootOptions? Boot { get; init; }

    /// <summary>The media's capacity in blocks; null means no limit.</summary>
    public long? CapacityBlocks { get; init; }

    /// <summary>
    /// The reproducible build time (SOURCE_DATE_EPOCH): when set, the volume and folders carry it and no
    /// file carries a later date. When null, dates come from the files and <see cref="Now"/>.
    /// </summary>
    public DateTimeOffset? SourceDateEpoch { get; init; }

    /// <summary>The time recorded when no reproducible time is set.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The volume creation time.</summary>
    internal DateTimeOffset VolumeDate => SourceDateEpoch ?? Now;

    /// <summary>The date recorded for a source entry: its own, clamped to the reproducible build time.</summary>
    internal DateTimeOffset Clamp(DateTimeOffset modified) =>
        SourceDateEpoch is { } epoch && modified > epoch ? epoch : modified;

    /// <summary>Reads SOURCE_DATE_EPOCH (seconds since 1970, UTC) as reproducible-builds.org defines it.</summary>
    public static DateTimeOffset? ReadSourceDateEpoch(string? value = null)
    {
        value ??= Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidVolumeText,
                $"SOURCE_DATE_EPOCH is '{value}', not a number of seconds since 1970-01-01; set it to a whole number such as the last commit's time (git log -1 --format=%ct).");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
