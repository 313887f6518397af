using System.Globalization;
using System.Text.Json;
using DiscMastering.Imapi.Recording;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster recorders</c>: lists the recorders with their identity, media and properties.</summary>
[Command(
    Name = "recorders",
    Description = "List the disc recorders with their identity, media and properties.",
    ExtendedHelpText = """

Each recorder shows its vendor, product, revision, OS path and drive letter, the media in it (sessions,
last track, start address, next writable block, free blocks, media type, flags) or "No media present",
and every property as [id] name = value.

Scanning finds real drives only; a stdio:/path/file pseudo-drive (a regular file written as if it were
blank media) is shown when named with --recorder.

Examples:
  dotnet discmaster recorders
  dotnet discmaster recorders --recorder /dev/sr0
  dotnet discmaster recorders --recorder stdio:/tmp/disc.bin --json
""")]
internal sealed class RecordersCommand : CommandBase
{
    public RecordersCommand(ToolContext context)
        : base(context)
    {
    }

    [Option(RecorderAddress.Template, Description = "Show only this recorder. " + RecorderAddress.Description)]
    public string? Recorder { get; init; }

    [Option("--json", Description = "Print a JSON list: index, address, vendor, product, revision, osPath, driveLetter, media {...}, properties [{id, name, value}].")]
    public bool Json { get; init; }

    protected override int Execute(CommandLineApplication app)
    {
        using var master = new DiscMaster();
        var recorders = Recorder is null ? master.Recorders : [master.GetRecorder(Recorder)];
        var shown = recorders.Select(r => (Recorder: r, Media: r.GetMediaDetails(), Properties: r.Properties)).ToList();
        if (shown.Count == 0)
        {
            Context.Error.WriteLine($"No recorders found ({master.BackendName}); name a device with --recorder /dev/sr0, or a file with --recorder stdio:/path/file.");
        }

        if (Json)
        {
            WriteJson(shown);
        }
        else
        {
            WriteSimpleRecorder(master.SimpleDiscRecorder);
            WriteText(shown);
        }

        return 0;
    }

    /// <summary>Windows' shell burner, shown first as the original sample did; nothing where the platform has none.</summary>
    private void WriteSimpleRecorder(SimpleDiscRecorder? simple)
    {
        if (simple is null)
        {
            return;
        }

        Context.Output.WriteLine("Simple CD Burner");
        if (simple.HasRecordableDrive)
        {
            Context.Output.WriteLine($"  Drive Letter: {simple.DriveLetter}");
            Context.Output.WriteLine($"  Staging Area: {simple.StagingArea}");
        }
        else
        {
            Context.Output.WriteLine("  Not present");
        }
    }

    private void WriteText(List<(DiscRecorder Recorder, MediaDetails Media, IReadOnlyList<RecorderProperty> Properties)> shown)
    {
        var output = Context.Output;
        foreach (var (recorder, media, properties) in shown)
        {
            output.WriteLine(recorder.Index is { } index ? Invariant($"Recorder {index}: {recorder.Address}") : $"Recorder: {recorder.Address}");
            output.WriteLine($"  Vendor: {recorder.Vendor}");
            output.WriteLine($"  Product: {recorder.Product}");
            output.WriteLine($"  Revision: {recorder.Revision}");
            output.WriteLine($"  OSPath: {recorder.OsPath}");
            output.WriteLine($"  DriveLetter: {recorder.DriveLetter}");
            output.WriteLine("  Media");
            if (media.MediaPresent)
            {
                output.WriteLine(Invariant($"    Sessions: {media.Sessions}"));
                output.WriteLine(Invariant($"    LastTrack: {media.LastTrack}"));
                output.WriteLine(Invariant($"    StartAddress: {media.StartAddress}"));
                output.WriteLine(Invariant($"    NextWritable: {media.NextWritable}"));
                output.WriteLine(Invariant($"    FreeBlocks: {media.FreeBlocks}"));
                output.WriteLine(Invariant($"    MediaType: {media.MediaType} (profile 0x{media.Profile:X4})"));
                output.WriteLine($"    Flags: {media.Flags}");
            }
            else
            {
                output.WriteLine("    No media present");
            }

            output.WriteLine("  Properties");
            foreach (var property in properties)
            {
                output.WriteLine(Invariant($"    [{property.Id}] {property.Name} = {property.Value}"));
            }
        }
    }

    private void WriteJson(List<(DiscRecorder Recorder, MediaDetails Media, IReadOnlyList<RecorderProperty> Properties)> shown)
    {
        ToolJson.WriteDocument(Context.Output, json =>
        {
            json.WriteStartArray();
            foreach (var (recorder, media, properties) in shown)
            {
                json.WriteStartObject();
                if (recorder.Index is { } index)
                {
                    json.WriteNumber("index", index);
                }
                else
                {
                    json.WriteNull("index");
                }

                json.WriteString("address", recorder.Address);
                json.WriteString("vendor", recorder.Vendor);
                json.WriteString("product", recorder.Product);
                json.WriteString("revision", recorder.Revision);
                json.WriteString("osPath", recorder.OsPath);
                json.WriteString("driveLetter", recorder.DriveLetter);
                json.WriteStartObject("media");
                json.WriteBoolean("present", media.MediaPresent);
                json.WriteNumber("sessions", media.Sessions);
                json.WriteNumber("lastTrack", media.LastTrack);
                json.WriteNumber("startAddress", media.StartAddress);
                json.WriteNumber("nextWritable", media.NextWritable);
                json.WriteNumber("freeBlocks", media.FreeBlocks);
                json.WriteString("mediaType", media.MediaType);
                json.WriteNumber("profile", media.Profile);
                json.WriteStartArray("flags");
                foreach (var flag in Enum.GetValues<MediaFlags>().Where(f => f != MediaFlags.None && media.Flags.HasFlag(f)))
                {
                    json.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(flag.ToString()));
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartArray("properties");
                foreach (var property in properties)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", property.Id);
                    json.WriteString("name", property.Name);
                    json.WriteString("value", property.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
