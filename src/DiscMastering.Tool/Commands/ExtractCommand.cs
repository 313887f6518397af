using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using DiscMastering.Imapi.Extraction;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster extract</c>: writes an image's files and folders into a folder, with their dates.</summary>
[Command(
    Name = "extract",
    Description = "Extract an ISO 9660 image's files and folders (all, or the disc paths given) into a folder, with their dates.",
    ExtendedHelpText = """

Names come from the image's Joliet tree when it has one, otherwise from its Rock Ridge tree (POSIX names,
modes and symbolic links) when it has one, otherwise from its primary ISO 9660 tree (without the ';1'
version); --rock-ridge and --primary ask for those trees. A disc path extracts that file, or that folder
with everything below it, at its place below the target folder.

The image is treated as untrusted: a name that could write outside the target folder ('..', '/', '\',
a drive letter, a control character), two names this system would store as one, an existing file (without
--overwrite) or a symbolic link on the way stops the extraction before anything is written.

Examples:
  dotnet discmaster extract app.iso -o app/
  dotnet discmaster extract app.iso -o app/ docs setup.exe
  dotnet discmaster extract app.iso -o app/ --overwrite --primary
""")]
internal sealed class ExtractCommand : CommandBase
{
    public ExtractCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "image", Description = "The image file to read.")]
    [Required(ErrorMessage = "name the image to extract, such as: dotnet discmaster extract app.iso -o app/")]
    public string Image { get; init; } = "";

    [Argument(1, Name = "paths", Description = "Disc paths to extract (files, or folders with everything below them). Default: the whole image.")]
    public string[] Paths { get; init; } = [];

    [Option("-o|--output <FOLDER>", Description = "The folder to extract into; created if missing.")]
    [Required(ErrorMessage = "name the folder to extract into with -o <folder>")]
    [LegalFilePath]
    public string Output { get; init; } = "";

    [Option("--overwrite", Description = "Replace files that already exist in the folder (each atomically).")]
    public bool Overwrite { get; init; }

    [Option("--primary", Description = "Use the primary (ISO 9660) tree's names instead of Joliet's.")]
    public bool Primary { get; init; }

    [Option("--rock-ridge", Description = "Use the Rock Ridge tree's names, modes and symbolic links instead of Joliet's.")]
    public bool RockRidge { get; init; }

    [Option("--progress <MODE>", Description = "auto (a bar on a terminal, plain lines otherwise), bar, plain, json (one object per line, for programs) or none.")]
    [AllowedValues("auto", "bar", "plain", "json", "none", IgnoreCase = true)]
    public string ProgressMode { get; init; } = "auto";

    protected override string WhatCancellingLeaves => "the files extracted so far are in the folder; the file being written was removed.";

    protected override int Execute(CommandLineApplication app)
    {
        if (Primary && RockRidge)
        {
            return Context.Diagnostics.InvalidArguments("--primary and --rock-ridge each pick a tree; give one of them");
        }

        var options = new ExtractionOptions
        {
            Paths = Paths,
            Overwrite = Overwrite,
            Tree = Primary ? ExtractionTree.Primary : RockRidge ? ExtractionTree.RockRidge : null,
        };
        using var reporter = new ExtractReporter(ProgressMode, Context);
        var summary = ImageExtractor.Extract(Image, Output, options, reporter, Context.CancellationToken);
        reporter.Complete(summary);
        return 0;
    }
}
