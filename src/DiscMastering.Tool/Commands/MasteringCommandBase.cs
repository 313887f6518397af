using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Media;
using DiscMastering.Imapi.Sources;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary>The options that shape an image, shared by the commands that master one (<c>image</c>, <c>burn</c>).</summary>
internal abstract class MasteringCommandBase(ToolContext context) : CommandBase(context)
{
    [Option("-V|--volume-label <LABEL>", Description = "Volume label, at most 16 characters (Joliet's limit; Windows shows it). Default: CDROM.")]
    public string VolumeLabel { get; init; } = "CDROM";

    [Option("--publisher <TEXT>", Description = "Publisher recorded in the volume descriptors.")]
    public string Publisher { get; init; } = "";

    [Option("--application-id <TEXT>", Description = "Application recorded in the volume descriptors. Default: DISCMASTERING.")]
    public string ApplicationId { get; init; } = "DISCMASTERING";

    [Option("--media <MEDIA>", Description = "Fail before writing if the image will not fit: cd74, cd80, dvd5, dvd9, dl, bd25, or a size such as 64M or 4.7G.")]
    public string? Media { get; init; }

    [Option("--joliet-long", Description = "Allow Joliet names up to 103 characters (the specification says 64; most readers accept more).")]
    public bool JolietLong { get; init; }

    [Option("--progress <MODE>", Description = "auto (a bar on a terminal, plain lines otherwise), bar, plain, json (one object per line, for programs) or none.")]
    [AllowedValues("auto", "bar", "plain", "json", "none", IgnoreCase = true)]
    public string ProgressMode { get; init; } = "auto";

    protected MasteringOptions CreateOptions() => new()
    {
        VolumeLabel = VolumeLabel,
        Publisher = Publisher,
        ApplicationId = ApplicationId,
        JolietLongNames = JolietLong,
        CapacityBlocks = Media is null ? null : MediaCapacity.Parse(Media),
        SourceDateEpoch = MasteringOptions.ReadSourceDateEpoch(),
    };

    protected static List<DiscSource> ParseSources(IEnumerable<string> sources) => sources.Select(DiscSource.Parse).ToList();
}
