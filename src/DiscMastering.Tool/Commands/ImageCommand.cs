using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using DiscMastering.Imapi;
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

With -o -, the image goes to standard output (a pipe or a redirection, never a terminal) and the
progress and summary to standard error.

With SOURCE_DATE_EPOCH set, the image is reproducible: the volume and folders carry that time, no file a
later one, and the same files give the same bytes.

Examples:
  dotnet discmaster image publish/ -o app.iso --volume-label MYAPP
  dotnet discmaster image publish/ docs/readme.txt setup/autorun.inf=autorun.inf -o app.iso --media cd80
  dotnet discmaster image publish/ --exclude '**/*.pdb' -o app.iso
  dotnet discmaster image user-data meta-data --preset cloud-init -o seed.iso
  dotnet discmaster image publish/ -o - | gzip > app.iso.gz
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

    /// <summary>The <c>-o</c> value that sends the image to standard output.</summary>
    private const string StandardOutput = "-";

    /// <summary>Large writes keep a pipe busy with few system calls.</summary>
    private const int CopyChunk = 1 << 20;

    [Option("-o|--output <FILE>", Description = "The image to write; its folder is created if missing. Replaced only when the new image is complete. '-' writes it to standard output.")]
    [Required(ErrorMessage = "name the image to write with -o <file.iso>")]
    [LegalFilePath]
    public string Output { get; init; } = "";

    protected override string WhatCancellingLeaves => "no image was written and any earlier one is unchanged.";

    protected override int Execute(CommandLineApplication app)
    {
        if (Output == StandardOutput)
        {
            return WriteToStandardOutput();
        }

        var options = CreateOptions();
        var sources = ParseSources(Sources);
        using var reporter = MasteringReporter.Create(ProgressMode, Context);
        var summary = ImageMaster.MasterToFile(sources, Output, options, reporter, Context.CancellationToken);
        reporter.Complete(summary);
        return 0;
    }

    /// <summary><c>-o -</c>: streams the image to standard output with no temporary file; everything else goes to standard error.</summary>
    private int WriteToStandardOutput()
    {
        if (Context.OutputIsTerminal)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidArguments,
                "-o - writes the image's bytes to standard output, which is a terminal here; redirect it to a file (-o - > disc.iso) or pipe it to a program (-o - | gzip > disc.iso.gz), or name a file with -o.");
        }

        var stopwatch = Stopwatch.StartNew();
        var options = CreateOptions();
        var sources = ParseSources(Sources);
        using var reporter = MasteringReporter.Create(ProgressMode, Context.Error, Context.ErrorIsTerminal);
        using var image = ImageMaster.MasterToStream(sources, options, reporter, Context.CancellationToken);
        using var output = OpenStandardOutput();
        Copy(image, output);
        reporter.Complete(new MasteringSummary(StandardOutput, image.Files, image.Folders, image.FileBytes, image.Length, stopwatch.Elapsed));
        return 0;
    }

    /// <summary>
    /// Standard output as a stream that reports a closed pipe. On Unix, Console.OpenStandardOutput() drops
    /// writes to a closed pipe without a word, which would end a cut-off image with success; a FileStream over
    /// descriptor 1 raises EPIPE as an IOException instead.
    /// </summary>
    private static Stream OpenStandardOutput() => OperatingSystem.IsWindows()
        ? Console.OpenStandardOutput()
        : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    private void Copy(ImageStream image, Stream output)
    {
        var buffer = new byte[CopyChunk];
        int read;
        while ((read = image.Read(buffer, 0, buffer.Length)) > 0)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            WriteOrExplain(image, () => output.Write(buffer, 0, read));
        }

        WriteOrExplain(image, output.Flush);
    }

    /// <summary>Only the writes are guarded: a source that fails to read has its own error.</summary>
    private static void WriteOrExplain(ImageStream image, Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            // EPIPE: the reader went away (| head); say so instead of showing a stack trace.
            throw new DiscMasteringException(
                DiscMasteringError.WriteFailed,
                $"standard output was closed before all {image.Length:N0} bytes of the image were written ({e.Message}), so the program reading it has an incomplete image; let it read to the end, or write the image to a file with -o <file.iso>.");
        }
    }
}
