using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Globalization;
using System.Text.Json;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Iso9660.Reading.ElTorito;
using DiscMastering.Imapi.Redbook;
using DiscMastering.Imapi.Udf.Reading;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster inspect</c>: shows an image's volume descriptors and its file tree, or an audio CD's cue sheet.</summary>
[Command(
    Name = "inspect",
    Description = "Show an ISO 9660 image's volume descriptors, boot catalog, partition table and file tree, or an audio CD's tracks from its cue sheet.",
    ExtendedHelpText = """

The tree shown is Joliet's (the long names Windows and most systems show) when the image has one,
otherwise Rock Ridge's (POSIX names, modes, times and symbolic links) when it has one, otherwise the
UDF's (a UDF bridge image's exact names and whole sizes) when it has one, otherwise the primary ISO 9660
tree; --joliet, --rock-ridge, --udf and --primary ask for one. The Rock Ridge tree shows each
entry's mode and modification time, a symbolic link as 'name -> target', and relocated deep folders in
their place. An El Torito boot catalog and the MBR and GPT of a hybrid image are shown when present; one
that is damaged is shown as such rather than failing.

A cue sheet (a .cue file, or a file that starts like one) shows its BIN image, the disc's CD-TEXT and every
track's INDEX 00 and INDEX 01 (mm:ss:ff and sectors from the BIN's start), length and CD-TEXT.

Examples:
  dotnet discmaster inspect app.iso
  dotnet discmaster inspect app.iso --primary
  dotnet discmaster inspect linux.iso --rock-ridge
  dotnet discmaster inspect movie.iso --udf
  dotnet discmaster inspect app.iso --json
  dotnet discmaster inspect disc.cue
""")]
internal sealed class InspectCommand : CommandBase
{
    public InspectCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "image", Description = "The image file or cue sheet to read.")]
    [Required(ErrorMessage = "name the image to inspect, such as: dotnet discmaster inspect app.iso")]
    public string Image { get; init; } = "";

    [Option("--json", Description = "Print one JSON document: the volumes, boot catalog and partition table, then every entry as {path, size, directory, extent, ...}.")]
    public bool Json { get; init; }

    [Option("--primary", Description = "Show the primary (ISO 9660) tree instead of Joliet's.")]
    public bool Primary { get; init; }

    [Option("--joliet", Description = "Show the Joliet tree (the default when the image has one).")]
    public bool Joliet { get; init; }

    [Option("--rock-ridge", Description = "Show the Rock Ridge tree: POSIX names, modes, times and symbolic links.")]
    public bool RockRidge { get; init; }

    [Option("--udf", Description = "Show the UDF tree of a UDF bridge image (made with image --udf, or a DVD's): exact names, whole sizes, each file's extent count.")]
    public bool Udf { get; init; }

    protected override int Execute(CommandLineApplication app)
    {
        if (CueSheet.LooksLikeCueSheet(Image))
        {
            var cue = CueSheet.Read(Image);
            if (Json)
            {
                WriteCueJson(cue);
            }
            else
            {
                WriteCueText(cue);
            }

            return 0;
        }

        if (new[] { Primary, Joliet, RockRidge, Udf }.Count(chosen => chosen) > 1)
        {
            return Context.Diagnostics.InvalidArguments("--primary, --joliet, --rock-ridge and --udf each pick a tree; give one of them");
        }

        using var reader = IsoImageReader.Open(Image);
        var (udf, udfDamage) = OpenUdf();
        using var udfReader = udf;
        var showUdf = Udf || (!Primary && !Joliet && !RockRidge && reader.DefaultTree == IsoTree.Primary && udf is not null);
        if (showUdf)
        {
            if (udf is null)
            {
                return Context.Diagnostics.InvalidArguments($"'{Image}' has no UDF file system; drop --udf to see the tree it has");
            }

            var udfEntries = udf.Walk();
            var udfBoot = BootSection.Read(reader);
            if (Json)
            {
                WriteJson(reader, udf, null, null, udfEntries, udfBoot);
            }
            else
            {
                WriteUdfText(reader, udf, udfEntries, udfBoot);
            }

            return 0;
        }

        var tree = Primary ? IsoTree.Primary : Joliet ? IsoTree.Joliet : RockRidge ? IsoTree.RockRidge : reader.DefaultTree;
        if (!reader.Has(tree))
        {
            var what = tree == IsoTree.Joliet ? "no Joliet volume" : "no Rock Ridge entries";
            return Context.Diagnostics.InvalidArguments($"'{Image}' has {what}; drop {(tree == IsoTree.Joliet ? "--joliet" : "--rock-ridge")} to see the tree it has");
        }

        _udfText = UdfText(udf, udfDamage);

        var entries = new List<IsoEntry>();
        foreach (var entry in reader.Walk(tree))
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            entries.Add(entry);
        }

        var boot = BootSection.Read(reader);
        if (Json)
        {
            WriteJson(reader, udf, udfDamage, tree, [], boot, entries);
        }
        else
        {
            WriteText(reader, tree, entries, boot);
        }

        return 0;
    }

    private string _udfText = "no";

    /// <summary>
    /// The image's UDF reader; null when it has none. Damage is reported, not thrown, unless --udf asked
    /// for the UDF tree, since the tree shown may be another one.
    /// </summary>
    private (UdfImageReader? Reader, string? Damage) OpenUdf()
    {
        try
        {
            return (UdfImageReader.Open(Image), null);
        }
        catch (DiscMasteringException e) when (e.Error == DiscMasteringError.NoUdfVolume)
        {
            return (null, null);
        }
        catch (DiscMasteringException e) when (!Udf && e.Error is DiscMasteringError.DamagedUdfImage or DiscMasteringError.UnsupportedUdfImage)
        {
            return (null, e.Message);
        }
    }

    private static string UdfText(UdfImageReader? udf, string? damage) =>
        damage is not null ? $"damaged: {damage}"
        : udf is null ? "no"
        : $"yes (revision {udf.Volume.Revision}, label {udf.Volume.LogicalVolumeIdentifier})";

    private void WriteUdfText(IsoImageReader reader, UdfImageReader udf, IReadOnlyList<UdfEntry> entries, BootSection boot)
    {
        _udfText = UdfText(udf, null);
        WriteHeader(reader, boot);
        var output = Context.Output;
        var note = !Udf ? " (the image has neither Joliet nor Rock Ridge)" : "";
        output.WriteLine(Invariant($"Files (UDF tree){note}:"));
        output.WriteLine("/");
        var lines = entries.Select(e => (Text: new string(' ', 2 * e.Path.Count(c => c == '/')) + e.Name + (e.IsDirectory ? "/" : ""), Entry: e)).ToList();
        var nameWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Text.Length);
        var sizeWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Entry.IsDirectory ? 0 : l.Entry.Length.ToString("N0", CultureInfo.InvariantCulture).Length);
        foreach (var (text, entry) in lines)
        {
            var size = entry.IsDirectory ? "" : entry.Length.ToString("N0", CultureInfo.InvariantCulture).PadLeft(sizeWidth) + " bytes";
            output.WriteLine((text.PadRight(nameWidth) + "  " + size).TrimEnd());
        }

        var files = entries.Count(e => !e.IsDirectory);
        var bytes = entries.Where(e => !e.IsDirectory).Sum(e => e.Length);
        output.WriteLine(Invariant($"{files:N0} files, {entries.Count - files:N0} folders, {bytes:N0} bytes"));
    }

    private void WriteHeader(IsoImageReader reader, BootSection boot)
    {
        var output = Context.Output;
        output.WriteLine(Invariant($"Image: {reader.ImagePath}"));
        WriteVolume(reader.Primary);
        if (reader.Joliet is { } jolietVolume)
        {
            WriteVolume(jolietVolume);
        }

        output.WriteLine(Invariant($"Joliet: {(reader.Joliet is null ? "no" : "yes")}"));
        output.WriteLine(Invariant($"Rock Ridge: {RockRidgeText(reader)}"));
        output.WriteLine(Invariant($"UDF: {_udfText}"));
        boot.WriteText(output);
        output.WriteLine();
    }

    private void WriteText(IsoImageReader reader, IsoTree tree, List<IsoEntry> entries, BootSection boot)
    {
        var output = Context.Output;
        WriteHeader(reader, boot);

        var treeName = tree switch { IsoTree.Joliet => "Joliet", IsoTree.RockRidge => "Rock Ridge", _ => "primary" };
        var note = tree != IsoTree.Joliet && !Primary && !RockRidge ? " (the image has no Joliet volume)" : "";
        output.WriteLine(Invariant($"Files ({treeName} tree){note}:"));
        output.WriteLine("/");
        var lines = entries.Select(e => (Text: new string(' ', 2 * Depth(e)) + e.Name + (e.IsDirectory ? "/" : ""), Entry: e)).ToList();
        var nameWidth = lines.Count == 0 ? 0 : lines.Max(l => l.Text.Length);
        var sizeWidth = lines.Count == 0 ? 0 : lines.Max(l => Size(l.Entry).Length);
        foreach (var (text, entry) in lines)
        {
            var hidden = entry.IsHidden ? "  (hidden)" : "";
            if (tree == IsoTree.RockRidge)
            {
                // A long listing, as ls -l shows it: mode, size, modification time, name (and a link's target).
                var mode = entry.Posix?.Symbolic ?? "----------";
                var size = Size(entry).PadLeft(sizeWidth);
                var name = text + (entry.LinkTarget is { } target ? " -> " + target : "");
                output.WriteLine(Invariant($"{mode}  {size}  {Date(entry.Modified)}  {name}{hidden}").TrimEnd());
            }
            else
            {
                var size = entry.IsDirectory ? "" : Size(entry).PadLeft(sizeWidth) + " bytes";
                output.WriteLine((text.PadRight(nameWidth) + "  " + size + hidden).TrimEnd());
            }
        }

        var files = entries.Count(e => !e.IsDirectory);
        var bytes = entries.Where(e => !e.IsDirectory).Sum(e => e.Length);
        output.WriteLine(Invariant($"{files:N0} files, {entries.Count - files:N0} folders, {bytes:N0} bytes"));
    }

    private void WriteVolume(IsoVolumeInfo volume)
    {
        var output = Context.Output;
        output.WriteLine(Invariant($"{(volume.IsJoliet ? "Joliet" : "Primary")} volume descriptor (block {volume.DescriptorBlock}):"));
        output.WriteLine(Invariant($"  Label:        {volume.VolumeIdentifier}"));
        output.WriteLine(Invariant($"  Publisher:    {volume.PublisherIdentifier}"));
        output.WriteLine(Invariant($"  Application:  {volume.ApplicationIdentifier}"));
        output.WriteLine(Invariant($"  System:       {volume.SystemIdentifier}"));
        output.WriteLine(Invariant($"  Size:         {volume.VolumeSpaceSize:N0} blocks of {volume.LogicalBlockSize:N0} bytes ({volume.VolumeBytes:N0} bytes)"));
        output.WriteLine(Invariant($"  Created:      {Date(volume.Created)}"));
        output.WriteLine(Invariant($"  Modified:     {Date(volume.Modified)}"));
    }

    /// <summary>Whether the image has Rock Ridge, with the extensions its ER entries name.</summary>
    private static string RockRidgeText(IsoImageReader reader)
    {
        var (extensions, damage) = RockRidgeExtensions(reader);
        return !reader.HasRockRidge ? "no"
            : damage is not null ? $"yes, damaged: {damage}"
            : extensions.Count == 0 ? "yes"
            : $"yes ({string.Join(", ", extensions)})";
    }

    /// <summary>The root's ER identifiers; damage there is shown, not thrown, as the tree shown may be another one.</summary>
    private static (IReadOnlyList<string> Extensions, string? Damage) RockRidgeExtensions(IsoImageReader reader)
    {
        if (!reader.HasRockRidge)
        {
            return ([], null);
        }

        try
        {
            return (reader.RockRidgeExtensions, null);
        }
        catch (DiscMasteringException e) when (e.Error is DiscMasteringError.DamagedRockRidge or DiscMasteringError.RockRidgeContinuationLoop)
        {
            return ([], e.Message);
        }
    }

    /// <summary>The document; <paramref name="tree"/> null shows <paramref name="udfEntries"/>, the UDF tree.</summary>
    private void WriteJson(IsoImageReader reader, UdfImageReader? udf, string? udfDamage, IsoTree? tree, IReadOnlyList<UdfEntry> udfEntries, BootSection boot, List<IsoEntry>? entries = null)
    {
        ToolJson.WriteDocument(Context.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("image", reader.ImagePath);
            json.WriteBoolean("joliet", reader.Joliet is not null);
            json.WriteBoolean("rockRidge", reader.HasRockRidge);
            var (extensions, damage) = RockRidgeExtensions(reader);
            json.WriteStartArray("rockRidgeExtensions");
            foreach (var extension in extensions)
            {
                json.WriteStringValue(extension);
            }

            json.WriteEndArray();
            json.WriteString("rockRidgeDamaged", damage);
            json.WriteBoolean("udf", udf is not null);
            json.WriteString("udfRevision", udf?.Volume.Revision);
            json.WriteString("udfLabel", udf?.Volume.LogicalVolumeIdentifier);
            json.WriteString("udfDamaged", udfDamage);
            json.WriteString("tree", tree is { } isoTree ? TreeJson(isoTree) : "udf");
            json.WriteStartArray("volumes");
            WriteJsonVolume(json, reader.Primary);
            if (reader.Joliet is { } jolietVolume)
            {
                WriteJsonVolume(json, jolietVolume);
            }

            json.WriteEndArray();
            boot.WriteJson(json);
            json.WriteStartArray("entries");
            foreach (var entry in udfEntries)
            {
                json.WriteStartObject();
                json.WriteString("path", entry.Path);
                json.WriteNumber("size", entry.Length);
                json.WriteBoolean("directory", entry.IsDirectory);
                json.WriteNumber("extents", entry.ExtentCount);
                WriteJsonDate(json, "modified", entry.Modified);
                json.WriteEndObject();
            }

            foreach (var entry in entries ?? [])
            {
                json.WriteStartObject();
                json.WriteString("path", entry.Path);
                json.WriteNumber("size", entry.Length);
                json.WriteBoolean("directory", entry.IsDirectory);
                json.WriteNumber("extent", entry.Extent);
                if (tree == IsoTree.RockRidge)
                {
                    WriteJsonRockRidge(json, entry);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string TreeJson(IsoTree tree) => tree switch
    {
        IsoTree.Joliet => "joliet",
        IsoTree.RockRidge => "rock-ridge",
        _ => "primary",
    };

    /// <summary>An entry's Rock Ridge fields; each is null when the entry does not record it.</summary>
    private static void WriteJsonRockRidge(Utf8JsonWriter json, IsoEntry entry)
    {
        var posix = entry.Posix;
        json.WriteString("mode", posix?.Symbolic);
        if (posix is null)
        {
            json.WriteNull("modeBits");
            json.WriteNull("links");
            json.WriteNull("uid");
            json.WriteNull("gid");
        }
        else
        {
            json.WriteNumber("modeBits", posix.Mode);
            json.WriteNumber("links", posix.Links);
            json.WriteNumber("uid", posix.UserId);
            json.WriteNumber("gid", posix.GroupId);
        }

        var times = entry.Times;
        WriteJsonDate(json, "modified", times?.Modified);
        WriteJsonDate(json, "accessed", times?.Accessed);
        WriteJsonDate(json, "attributesChanged", times?.AttributesChanged);
        WriteJsonDate(json, "created", times?.Created);
        json.WriteBoolean("symlink", entry.IsSymbolicLink);
        json.WriteString("linkTarget", entry.LinkTarget);
    }

    private static void WriteJsonVolume(Utf8JsonWriter json, IsoVolumeInfo volume)
    {
        json.WriteStartObject();
        json.WriteString("kind", volume.IsJoliet ? "joliet" : "primary");
        json.WriteNumber("descriptorBlock", volume.DescriptorBlock);
        json.WriteString("label", volume.VolumeIdentifier);
        json.WriteString("publisher", volume.PublisherIdentifier);
        json.WriteString("application", volume.ApplicationIdentifier);
        json.WriteString("system", volume.SystemIdentifier);
        json.WriteNumber("blocks", volume.VolumeSpaceSize);
        json.WriteNumber("blockSize", volume.LogicalBlockSize);
        json.WriteNumber("bytes", volume.VolumeBytes);
        WriteJsonDate(json, "created", volume.Created);
        WriteJsonDate(json, "modified", volume.Modified);
        json.WriteNumber("rootExtent", volume.RootExtent);
        json.WriteEndObject();
    }

    internal static void WriteJsonDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private void WriteCueText(CueSheet cue)
    {
        var output = Context.Output;
        output.WriteLine(Invariant($"Cue sheet: {cue.CuePath}"));
        output.WriteLine(Invariant($"BIN image: {cue.BinPath} ({cue.BinBytes:N0} bytes, {cue.BinSectors:N0} sectors, {Msf.Format(cue.BinSectors)})"));
        WriteCdText(output, "", cue.Title, cue.Performer);
        output.WriteLine();
        foreach (var track in cue.Tracks)
        {
            output.WriteLine(Invariant($"Track {track.Number:00} ({track.Type})"));
            if (track.Index00Sector is { } index00)
            {
                output.WriteLine(Invariant($"  INDEX 00:   {Msf.Format(index00)}  (sector {index00:N0})"));
            }

            output.WriteLine(Invariant($"  INDEX 01:   {Msf.Format(track.Index01Sector)}  (sector {track.Index01Sector:N0})"));
            output.WriteLine(Invariant($"  Length:     {Msf.Format(track.Sectors)}  ({track.Sectors:N0} sectors)"));
            WriteCdText(output, "  ", track.Title, track.Performer);
        }

        output.WriteLine(Invariant($"{cue.Tracks.Count:N0} tracks, {Msf.Format(cue.BinSectors)} ({cue.BinSectors:N0} sectors)"));
    }

    private static void WriteCdText(TextWriter output, string indent, string? title, string? performer)
    {
        if (title is not null)
        {
            output.WriteLine($"{indent}Title:      {title}");
        }

        if (performer is not null)
        {
            output.WriteLine($"{indent}Performer:  {performer}");
        }
    }

    private void WriteCueJson(CueSheet cue)
    {
        ToolJson.WriteDocument(Context.Output, json =>
        {
            json.WriteStartObject();
            json.WriteString("cue", cue.CuePath);
            json.WriteString("bin", cue.BinPath);
            json.WriteNumber("binBytes", cue.BinBytes);
            json.WriteNumber("binSectors", cue.BinSectors);
            json.WriteString("title", cue.Title);
            json.WriteString("performer", cue.Performer);
            json.WriteStartArray("tracks");
            foreach (var track in cue.Tracks)
            {
                json.WriteStartObject();
                json.WriteNumber("number", track.Number);
                json.WriteString("type", track.Type);
                json.WriteString("title", track.Title);
                json.WriteString("performer", track.Performer);
                if (track.Index00Sector is { } index00)
                {
                    json.WriteString("index00", Msf.Format(index00));
                    json.WriteNumber("index00Sector", index00);
                }
                else
                {
                    json.WriteNull("index00");
                    json.WriteNull("index00Sector");
                }

                json.WriteString("index01", Msf.Format(track.Index01Sector));
                json.WriteNumber("index01Sector", track.Index01Sector);
                json.WriteString("length", Msf.Format(track.Sectors));
                json.WriteNumber("sectors", track.Sectors);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Levels below the root: "/a" is 1, "/a/b" is 2.</summary>
    private static int Depth(IsoEntry entry) => entry.Path.Count(c => c == '/');

    private static string Size(IsoEntry entry) => entry.IsDirectory ? "" : entry.Length.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Date(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "not specified";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
