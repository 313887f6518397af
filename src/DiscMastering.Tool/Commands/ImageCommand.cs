using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Media;
using DiscMastering.Imapi.Sources;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster image</c>: masters folders and files into an ISO 9660 + Joliet image.</summary>
[Command(
    Name = "image",
    Description = "Master folders and files into an ISO 9660 + Joliet image.",
    ExtendedHelpText = """

Sources:
  folder                  its contents go to the disc's root
  file                    goes to the root under its own name
  disc/path=local/path    a graft point: the file or folder goes to disc/path

Arguments may also come from a response file, one per line: dotnet discmaster @args.rsp

With SOURCE_DATE_EPOCH set, the image is reproducible: the volume and folders carry that time, no file a
later one, and the same files give the same bytes.

Examples:
  dotnet discmaster image publish/ -o app.iso --volume-label MYAPP
  dotnet discmaster image publish/ docs/readme.txt setup/autorun.inf=autorun.inf -o app.iso --media cd80
""")]
internal sealed class ImageCommand : CommandBase
{
    public ImageCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "sources", Description = "Folders, files or graft points (disc/path=local/path).")]
    [Required(ErrorMessage = "name at least one source folder or file")]
    public string[] Sources { get; init; } = [];

    [Option("-o|--output <FILE>", Description = "The image to write; its folder is created if missing. Replaced only when the new image is complete.")]
    [Required(ErrorMessage = "name the image to write with -o <file.iso>")]
    [LegalFilePath]
    public string Output { get; init; } = "";

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

    protected override string WhatCancellingLeaves => "no image was written and any earlier one is unchanged.";

    protected override int Execute(CommandLineApplication app)
    {
        var options = new MasteringOptions
        {
            VolumeLabel = VolumeLabel,
            Publisher = Publisher,
            ApplicationId = ApplicationId,
            JolietLongNames = JolietLong,
            CapacityBlocks = Media is null ? null : MediaCapacity.Parse(Media),
            SourceDateEpoch = MasteringOptions.ReadSourceDateEpoch(),
        };
        var sources = Sources.Select(DiscSource.Parse).ToList();
        using var reporter = MasteringReporter.Create(ProgressMode, Context);
        var summary = ImageMaster.MasterToFile(sources, Output, options, reporter, Context.CancellationToken);
        reporter.Complete(summary);
        return 0;
    }
}
