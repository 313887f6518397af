using System.Text.Json;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

public class RecordersCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public RecordersCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected RecordersCommandTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    private PseudoDrive Drive => new(Path.Combine(_tree.Root, "drive.bin"));

    [Fact]
    public void JsonShowsAPseudoDrivesIdentityAndMedia()
    {
        var run = Discmaster.Run("recorders", "--recorder", Drive.Address, "--json");

        run.AssertSucceeded();
        var recorder = Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, recorder.GetProperty("index").ValueKind);
        Assert.Equal(Drive.Address, recorder.GetProperty("address").GetString());
        Assert.Equal("YOYODYNE", recorder.GetProperty("vendor").GetString());
        Assert.Equal("WARP DRIVE", recorder.GetProperty("product").GetString());
        Assert.Equal("FX01", recorder.GetProperty("revision").GetString());
        Assert.Equal(Drive.Path, recorder.GetProperty("osPath").GetString());
        var media = recorder.GetProperty("media");
        Assert.True(media.GetProperty("present").GetBoolean());
        Assert.True(media.GetProperty("freeBlocks").GetInt64() > 0);
        Assert.Equal(0xFFFF, media.GetProperty("profile").GetInt32());
        Assert.Contains("stdio file", media.GetProperty("mediaType").GetString());
        var flags = media.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("writable", flags);
        Assert.Contains("blank", flags);
        Assert.NotEmpty(recorder.GetProperty("properties").EnumerateArray());
        Assert.False(Drive.Exists, "asking about a pseudo-drive must not create its file");
    }

    [Fact]
    public void TextFollowsTheOriginalPropertiesSample()
    {
        var run = Discmaster.Run("recorders", "--recorder", Drive.Address);

        run.AssertSucceeded();
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal("Recorder: " + Drive.Address, lines[0]);
        Assert.Contains("  Vendor: YOYODYNE", lines);
        Assert.Contains("  Product: WARP DRIVE", lines);
        Assert.Contains("  Revision: FX01", lines);
        Assert.Contains("  OSPath: " + Drive.Path, lines);
        Assert.Contains("  Media", lines);
        Assert.Contains(lines, l => l.StartsWith("    FreeBlocks: ", StringComparison.Ordinal));
        Assert.Contains("    Sessions: 0", lines);
        Assert.Contains("  Properties", lines);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^    \[\d+\] .+ = "));
    }

    [Fact]
    public void WithoutDrivesAnEmptyListAndANote()
    {
        // Build machines have no optical drives: scanning finds none, which is not an error.
        var run = Discmaster.Run("recorders", "--json");

        run.AssertSucceeded();
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(run.Output).RootElement.ValueKind);
        Assert.Empty(JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Contains("No recorders found", run.Error);
    }

    [Fact]
    public void APseudoDriveInAMissingFolderIsACodedError()
    {
        var missing = Path.Combine(_tree.Root, "no-such-folder", "drive.bin");

        var run = Discmaster.Run("recorders", "--recorder", "stdio:" + missing);

        run.AssertFailedWith("DM3002");
        Assert.Contains(Path.Combine(_tree.Root, "no-such-folder"), run.Error);
    }

    [Fact]
    public void AnIndexPastTheListIsACodedError()
    {
        var run = Discmaster.Run("recorders", "--recorder", "3");

        run.AssertFailedWith("DM3002");
        Assert.Contains("dotnet discmaster recorders", run.Error);
    }
}
