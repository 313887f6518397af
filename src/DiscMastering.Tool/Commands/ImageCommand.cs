using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using DiscMastering.Imapi.Iso9660;
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
internal sealed class ImageCommand : MasteringCommandBase
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

    protected override string WhatCancellingLeaves => "no image was written and any earlier one is unchanged.";

    protected override int Execute(CommandLineApplication app)
    {
        var options = CreateOptions();
        var sources = ParseSources(Sources);
        using var reporter = MasteringReporter.Create(ProgressMode, Context);
        var summary = ImageMaster.MasterToFile(sources, Output, options, reporter, Context.CancellationToken);
        reporter.Complete(summary);
        return 0;
    }
}
