namespace DiscMastering.Tasks.Tests;

public sealed class ToolEventTests
{
    [Fact]
    public void Reads_a_progress_line()
    {
        Assert.True(ToolEvent.TryParse(
            """{"event":"progress","phase":"writing","bytesDone":57344,"bytesTotal":59392,"filesDone":1,"filesTotal":2}""",
            out ToolEvent? progress));

        Assert.Equal("progress", progress.Name);
        Assert.Equal("writing", progress.GetString("phase"));
        Assert.Equal(57344, progress.GetNumber("bytesDone"));
        Assert.Equal(2, progress.GetNumber("filesTotal"));
    }

    [Fact]
    public void Reads_a_summary_line_with_escapes_fractions_and_spaces()
    {
        Assert.True(ToolEvent.TryParse(
            """ { "event" : "summary", "image":"C:\\out\\a \"b\".iso", "seconds":0.042, "mibPerSecond":1.4e1, "ok":true, "note":null, "name":"\u00e9t\u00e9" } """,
            out ToolEvent? summary));

        Assert.Equal("summary", summary.Name);
        Assert.Equal("C:\\out\\a \"b\".iso", summary.GetString("image"));
        Assert.Equal(0.042, summary.GetNumber("seconds"));
        Assert.Equal(14, summary.GetNumber("mibPerSecond"));
        Assert.Equal("true", summary.GetString("ok"));
        Assert.Equal("été", summary.GetString("name"));
    }

    [Fact]
    public void A_missing_or_non_numeric_member_reads_as_zero()
    {
        Assert.True(ToolEvent.TryParse("""{"event":"progress","phase":"layout"}""", out ToolEvent? progress));

        Assert.Equal(0, progress.GetNumber("bytesDone"));
        Assert.Equal(0, progress.GetNumber("phase"));
        Assert.Null(progress.GetString("bytesDone"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("discmaster : error DM2001: the image does not fit")]
    [InlineData("Mastered 2 files in 1 folders")]
    [InlineData("""{"phase":"writing"}""")]
    [InlineData("""{"event":"progress",}""")]
    [InlineData("""{"event":"progress"} trailing""")]
    [InlineData("""{"event":"progress","phase":"unterminated}""")]
    [InlineData("""{"event":"progress","bad":"\q"}""")]
    [InlineData("""{"event":"progress","nested":{"a":1}}""")]
    [InlineData("[1,2]")]
    public void Anything_but_a_flat_object_with_an_event_is_not_an_event(string? line) =>
        Assert.False(ToolEvent.TryParse(line, out _));
}
