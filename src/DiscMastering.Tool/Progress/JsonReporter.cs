using System.Text.Json;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Tool.Progress;

/// <summary><c>--progress json</c>: one JSON object per line on stdout, for programs such as the MSBuild task.</summary>
internal sealed class JsonReporter(TextWriter output) : MasteringReporter
{
    public override void Report(MasteringProgress value) => WriteLine(json =>
    {
        json.WriteString("event", "progress");
        json.WriteString("phase", PhaseName(value.Phase));
        json.WriteNumber("bytesDone", value.BytesDone);
        json.WriteNumber("bytesTotal", value.BytesTotal);
        json.WriteNumber("filesDone", value.FilesDone);
        json.WriteNumber("filesTotal", value.FilesTotal);
    });

    public override void Complete(MasteringSummary summary, string message) => WriteLine(json =>
    {
        json.WriteString("event", "summary");
        json.WriteString("image", summary.ImagePath);
        json.WriteNumber("files", summary.Files);
        json.WriteNumber("folders", summary.Folders);
        json.WriteNumber("imageBytes", summary.ImageBytes);
        json.WriteNumber("seconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
        json.WriteNumber("mibPerSecond", Math.Round(summary.MiBPerSecond, 1));
        json.WriteString("message", message);
    });

    private void WriteLine(Action<Utf8JsonWriter> write) => ToolJson.WriteLine(output, write);
}
