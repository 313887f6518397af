using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>Primary (ISO 9660 level 1) names: d-characters, 8.3 files, 8-character folders, deterministic collisions.</summary>
public sealed class IsoNamingTests
{
    [Theory]
    [InlineData('A', true)]
    [InlineData('Z', true)]
    [InlineData('0', true)]
    [InlineData('9', true)]
    [InlineData('_', true)]
    [InlineData('a', false)]
    [InlineData('z', false)]
    [InlineData('-', false)]
    [InlineData('.', false)]
    [InlineData(' ', false)]
    [InlineData('~', false)]
    [InlineData(';', false)]
    [InlineData('Ü', false)]
    public void IsDCharacter_AcceptsOnlyUpperCaseLettersDigitsAndUnderscore(char c, bool expected)
    {
        Assert.Equal(expected, IsoNaming.IsDCharacter(c));
    }

    [Theory]
    [InlineData("readme.txt", "README.TXT")]
    [InlineData("hello world-1.txt", "HELLO_WO.TXT")]
    [InlineData("verylongname.html", "VERYLONG.HTM")]
    [InlineData("noextension", "NOEXTENS")]
    [InlineData("a.b.c.d", "A_B_C.D")]
    [InlineData("archive.tar.gz", "ARCHIVE_.GZ")]
    [InlineData("name.", "NAME")]
    [InlineData("x", "X")]
    [InlineData("Mixed-Case.Json", "MIXED_CA.JSO")]
    public void File_IsMappedToUpperCaseDCharactersInEightDotThree(string name, string expected)
    {
        Assert.Equal([expected], IsoNaming.AssignNames([(name, false)]));
    }

    [Theory]
    [InlineData("docs", "DOCS")]
    [InlineData("My Documents", "MY_DOCUM")]
    [InlineData("folder.with.dots", "FOLDER_W")]
    [InlineData("exactly8", "EXACTLY8")]
    [InlineData("ninechars", "NINECHAR")]
    public void Directory_IsMappedToEightDCharactersWithoutExtension(string name, string expected)
    {
        Assert.Equal([expected], IsoNaming.AssignNames([(name, true)]));
    }

    [Theory]
    [InlineData(".gitignore", false, "_GITIGNO")]
    [InlineData(".config.json", false, "_CONFIG.JSO")]
    [InlineData(".hidden", true, "_HIDDEN")]
    [InlineData(".a", false, "_A")]
    public void NameStartingWithADot_KeepsTheDotAsAnUnderscoreNotAnEmptyName(string name, bool isDirectory, string expected)
    {
        Assert.Equal([expected], IsoNaming.AssignNames([(name, isDirectory)]));
    }

    [Theory]
    [InlineData("Ünïcödé.txt", "_N_C_D_.TXT")]
    [InlineData("日本語.txt", "___.TXT")]
    [InlineData("😀.txt", "__.TXT")]
    [InlineData("café", "CAF_")]
    [InlineData("naïve.tëxt", "NA_VE.T_X")]
    public void NonAsciiCharacters_BecomeUnderscores(string name, string expected)
    {
        Assert.Equal([expected], IsoNaming.AssignNames([(name, false)]));
    }

    [Fact]
    public void CaseOnlyDifference_GetsANumberedTailInSourceNameOrder()
    {
        // Ordinal order puts 'R' before 'r': the upper-case name keeps the plain form.
        var names = IsoNaming.AssignNames([("Readme.TXT", false), ("readme.txt", false)]);
        Assert.Equal(["README.TXT", "README_1.TXT"], names);
    }

    [Fact]
    public void TwoLongNamesWithTheSameEightDotThreeForm_AreBothKeptDistinct()
    {
        var names = IsoNaming.AssignNames([("verylongname-one.txt", false), ("verylongname-two.txt", false)]);
        Assert.Equal(["VERYLONG.TXT", "VERYLO_1.TXT"], names);
    }

    [Fact]
    public void ManyCollisions_CutTheNameFurtherForWiderNumbers_AndStayWithinEightDotThree()
    {
        var input = Enumerable.Range(0, 120).Select(i => ($"collision-name-{i:D3}.dat", false)).ToList();
        var names = IsoNaming.AssignNames(input);

        Assert.Equal(input.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("COLLISIO.DAT", names[0]);
        Assert.Equal("COLLIS_9.DAT", names[9]);
        Assert.Equal("COLLI_10.DAT", names[10]);
        Assert.Equal("COLL_100.DAT", names[100]);
        Assert.All(names, n => Assert.Matches(@"^[^.]{1,8}\.DAT$", n));
    }

    [Fact]
    public void DirectoryCollision_StaysWithinEightCharacters()
    {
        var names = IsoNaming.AssignNames([("documents-2023", true), ("documents-2024", true), ("documents-2025", true)]);
        Assert.Equal(["DOCUMENT", "DOCUME_1", "DOCUME_2"], names);
    }

    [Fact]
    public void FileAndFolderWithTheSameMappedName_GetDifferentNames()
    {
        // "DATA" the file is recorded "DATA.;1", but readers strip ".;1" and would show two "data".
        var names = IsoNaming.AssignNames([("DATA", false), ("data", true)]);
        Assert.Equal("DATA", names[0]);
        Assert.NotEqual(names[0], names[1]);
        Assert.Matches("^[A-Z0-9_~]{1,8}$", names[1]);
    }

    [Fact]
    public void FileAndFolderWhoseNamesDifferOnlyByTheDot_StayDistinct()
    {
        var names = IsoNaming.AssignNames([("a.b", true), ("a.b", false)]);
        Assert.Equal(["A_B", "A.B"], names);
    }

    [Fact]
    public void NameEndingInADot_CollidesWithTheSameNameWithoutIt()
    {
        var names = IsoNaming.AssignNames([("file", false), ("file.", false)]);
        Assert.Equal(["FILE", "FILE_1"], names);
    }

    [Fact]
    public void CollisionTail_DoesNotReuseANameThatIsAlreadyTaken()
    {
        // "README_1.TXT" itself maps to README_1.TXT; the tails must still give five different names.
        var input = new[] { "README.TXT", "README_1.TXT", "Readme.txt", "readme.TXT", "readme.txt" }.Select(n => (n, false)).ToList();
        var names = IsoNaming.AssignNames(input);
        Assert.Equal(input.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Collisions_AreResolvedTheSameWayEveryTime()
    {
        var input = new[] { "Readme.TXT", "readme.txt", "verylongname-one.txt", "verylongname-two.txt", "b-c.txt", "b_c.txt" }
            .Order(StringComparer.Ordinal)
            .Select(n => (n, false))
            .ToList();
        var first = IsoNaming.AssignNames(input);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, IsoNaming.AssignNames(input));
        }
    }

    [Theory]
    [InlineData("Readme.TXT", "readme.txt")]
    [InlineData("verylongname-one.txt", "verylongname-two.txt")]
    [InlineData("b-c.txt", "b_c.txt")]
    [InlineData("documents-2023", "documents-2024")]
    public void CollisionTails_UseOnlyDCharacters(string first, string second)
    {
        // ECMA-119 7.5.1: a file identifier is d-characters, a '.', d-characters, ';' and the version;
        // '~' is not a d-character, so a tail made with it is not a level 1 name.
        var names = IsoNaming.AssignNames([(first, false), (second, false)]);
        Assert.All(names, n => Assert.Matches(@"^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{0,3})?$", n));
    }

    [Theory]
    [InlineData("README.TXT", "README.TXT;1")]
    [InlineData("NOEXT", "NOEXT.;1")]
    [InlineData("A_B_C.D", "A_B_C.D;1")]
    public void FileIdentifier_AlwaysHasTheDotAndTheVersion(string isoName, string expected)
    {
        Assert.Equal(expected, IsoNaming.FileIdentifier(isoName));
    }

    [Theory]
    [InlineData("cidata", 32, true, "CIDATA")]
    [InlineData("My Disc 2024!", 32, true, "MY_DISC_2024_")]
    [InlineData("My Disc 2024!", 128, false, "MY DISC 2024!")]
    [InlineData("a-very-long-volume-label-beyond-thirty-two", 32, true, "A_VERY_LONG_VOLUME_LABEL_BEYOND_")]
    public void VolumeText_IsUpperCaseAndCutToTheField(string text, int length, bool dCharactersOnly, string expected)
    {
        Assert.Equal(expected, IsoNaming.ToVolumeText(text, length, dCharactersOnly));
    }
}
