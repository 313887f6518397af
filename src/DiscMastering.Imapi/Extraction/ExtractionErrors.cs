namespace DiscMastering.Imapi.Extraction;

/// <summary>An extraction's failures, one method each, so every message names the entry and the way out the same way.</summary>
internal static class ExtractionErrors
{
    public static DiscMasteringException UnsafeName(string imagePath, ExtractionEntry entry, string problem) =>
        new(DiscMasteringError.UnsafeEntryName, $"'{imagePath}' holds an entry named '{ExtractionNames.Display(entry.Name)}' (at '{entry.DisplayPath}') that cannot be extracted safely: {problem}; nothing was extracted. The image may be hostile; extract other paths of it, or use --primary if its primary tree names the entry safely.");

    public static DiscMasteringException Collision(string imagePath, ExtractionEntry first, ExtractionEntry second) =>
        new(DiscMasteringError.ExtractNameCollision, $"'{imagePath}' holds '{first.DisplayPath}' and '{second.DisplayPath}', which are the same path on this system's file system; nothing was extracted. Extract them one at a time into different folders, or use --primary.");

    public static DiscMasteringException PathNotInImage(string imagePath, string path, ExtractionTree tree) =>
        new(DiscMasteringError.PathNotInImage, $"'{imagePath}' has no '{path}' in its {TreeName(tree)} tree; nothing was extracted. List its paths with: dotnet discmaster inspect {imagePath}{tree switch { ExtractionTree.Primary => " --primary", ExtractionTree.RockRidge => " --rock-ridge", _ => "" }}");

    public static DiscMasteringException Exists(string path, ExtractionEntry entry, bool written) =>
        new(DiscMasteringError.ExtractTargetExists, $"'{path}' already exists, and '{entry.DisplayPath}' would replace it; {(written ? "it appeared while extracting, and the files before it were extracted" : "nothing was extracted")}. Pass --overwrite to replace existing files, or extract into an empty folder.");

    public static DiscMasteringException KindClash(string path, ExtractionEntry entry) =>
        new(DiscMasteringError.ExtractTargetExists, $"'{path}' already exists as a {(entry.IsDirectory ? "file" : "folder")}, where the {(entry.IsDirectory ? "folder" : "file")} '{entry.DisplayPath}' goes; nothing was extracted. Move it away, or extract into an empty folder.");

    public static DiscMasteringException Link(string path, ExtractionEntry entry, bool written) =>
        new(DiscMasteringError.ExtractThroughLink, $"'{path}' is a symbolic link, where '{entry.DisplayPath}' goes; extraction never writes through links. {(written ? "The files before it were extracted. " : "Nothing was extracted. ")}Remove the link, or extract into an empty folder.");

    public static DiscMasteringException TargetIsFile(string target) =>
        new(DiscMasteringError.ExtractWriteFailed, $"the target '{target}' is a file; give a folder (it is created if missing) with -o.");

    public static DiscMasteringException WriteFailed(string path, Exception e, int filesDone) =>
        new(DiscMasteringError.ExtractWriteFailed, $"'{path}' cannot be written ({e.Message}); {filesDone:N0} files were extracted before it. Free space or give write access to the target folder, then extract again with --overwrite.", e);

    public static DiscMasteringException Truncated(string imagePath, ExtractionEntry entry, long written) =>
        new(DiscMasteringError.InvalidImage, $"'{imagePath}' is damaged: '{entry.DisplayPath}' gave {written:N0} of its {entry.Source.Length:N0} bytes; the file was not written.");

    public static string TreeName(ExtractionTree tree) => tree switch
    {
        ExtractionTree.Joliet => "Joliet",
        ExtractionTree.RockRidge => "Rock Ridge",
        _ => "primary",
    };
}
