namespace DiscMastering.Tasks.Tests;

public sealed class DiscPathTests
{
    [Theory]
    [InlineData("readme.txt", "a.txt", "readme.txt")]
    [InlineData("docs/readme.txt", "a.txt", "docs/readme.txt")]
    [InlineData(@"docs\sub\readme.txt", "a.txt", "docs/sub/readme.txt")]
    [InlineData("docs/", "a.txt", "docs/a.txt")]
    [InlineData(@"docs\", "a.txt", "docs/a.txt")]
    [InlineData("/autorun.inf", "a.txt", "autorun.inf")]
    [InlineData("./docs//./readme.txt", "a.txt", "docs/readme.txt")]
    [InlineData("/", "a.txt", "a.txt")]
    [InlineData(".", "a.txt", "a.txt")]
    public void Normalize_gives_a_relative_slash_separated_path(string targetPath, string sourceName, string expected) =>
        Assert.Equal(expected, DiscPath.Normalize(targetPath, sourceName));

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("docs/../../outside.txt")]
    [InlineData(@"C:\docs\readme.txt")]
    [InlineData("C:readme.txt")]
    public void Normalize_refuses_paths_that_leave_the_disc(string targetPath) =>
        Assert.Null(DiscPath.Normalize(targetPath, "a.txt"));
}
