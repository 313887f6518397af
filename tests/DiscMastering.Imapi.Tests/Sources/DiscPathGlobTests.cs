using System.Diagnostics;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.Sources;

/// <summary>What <see cref="DiscPathGlob"/> matches: disc paths relative to the root, case-sensitively.</summary>
public sealed class DiscPathGlobTests
{
    [Theory]
    [InlineData("**/*.pdb", "a.pdb", true)]
    [InlineData("**/*.pdb", "x/a.pdb", true)]
    [InlineData("**/*.pdb", "x/y/a.pdb", true)]
    [InlineData("**/*.pdb", "x/y/a.pdbx", false)]
    [InlineData("**/*.pdb", "x/y/a.PDB", false)]
    [InlineData("*.pdb", "a.pdb", true)]
    [InlineData("*.pdb", "x/a.pdb", false)]
    [InlineData("docs/*.pdb", "docs/x.pdb", true)]
    [InlineData("docs/*.pdb", "docs/sub/x.pdb", false)]
    [InlineData("docs/**/x.pdb", "docs/x.pdb", true)]
    [InlineData("docs/**/x.pdb", "docs/a/b/c/x.pdb", true)]
    [InlineData("docs/**/x.pdb", "other/x.pdb", false)]
    [InlineData("docs/**", "docs/a/b", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("a?c.txt", "abc.txt", true)]
    [InlineData("a?c.txt", "ac.txt", false)]
    [InlineData("a?c.txt", "abbc.txt", false)]
    [InlineData("*", "x", true)]
    [InlineData("*", "x/y", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b*", "xxbxxaxx", false)]
    [InlineData("Docs", "docs", false)]
    [InlineData("/docs/x.pdb", "docs/x.pdb", true)]
    [InlineData("docs\\x.pdb", "docs/x.pdb", true)]
    [InlineData("**/**/b", "b", true)]
    [InlineData("**/a/**/b", "x/a/y/a/z/b", true)]
    [InlineData("**/a/**/b", "x/a/y/c", false)]
    public void MatchesFiles(string pattern, string path, bool expected) =>
        Assert.Equal(expected, DiscPathGlob.Parse(pattern).IsMatch(path, isDirectory: false));

    [Fact]
    public void ATrailingSlashMatchesFoldersOnly()
    {
        var glob = DiscPathGlob.Parse("obj/");

        Assert.True(glob.FoldersOnly);
        Assert.True(glob.IsMatch("obj", isDirectory: true));
        Assert.False(glob.IsMatch("obj", isDirectory: false));
    }

    [Fact]
    public void AnExcludedFolderTakesEverythingInIt()
    {
        IReadOnlyList<DiscPathGlob> globs = [DiscPathGlob.Parse("docs/internal"), DiscPathGlob.Parse("**/obj/")];

        Assert.True(DiscPathGlob.Excludes(globs, "docs/internal", isDirectory: true));
        Assert.True(DiscPathGlob.Excludes(globs, "docs/internal/deep/x.txt", isDirectory: false));
        Assert.True(DiscPathGlob.Excludes(globs, "src/app/obj/x.dll", isDirectory: false));
        Assert.False(DiscPathGlob.Excludes(globs, "docs/internals.txt", isDirectory: false));
        Assert.False(DiscPathGlob.Excludes(globs, "src/app/obj", isDirectory: false));
        Assert.False(DiscPathGlob.Excludes([], "anything", isDirectory: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//")]
    public void APatternNamingNothingIsInvalidArguments(string pattern)
    {
        var e = Assert.Throws<DiscMasteringException>(() => DiscPathGlob.Parse(pattern));

        Assert.Equal(DiscMasteringError.InvalidArguments, e.Error);
    }

    [Fact]
    public void PathologicalPatternsStayFast()
    {
        // Backtracking matchers take exponential time on these; this one is bounded by the lengths' product.
        var name = new string('a', 5000);
        var star = DiscPathGlob.Parse(string.Concat(Enumerable.Repeat("*a", 40)) + "b");
        var deep = DiscPathGlob.Parse(string.Concat(Enumerable.Repeat("**/a/", 40)) + "b");
        var path = string.Join('/', Enumerable.Repeat("a", 2000));
        var stopwatch = Stopwatch.StartNew();

        Assert.False(star.IsMatch(name, isDirectory: false));
        Assert.False(deep.IsMatch(path, isDirectory: false));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }
}
