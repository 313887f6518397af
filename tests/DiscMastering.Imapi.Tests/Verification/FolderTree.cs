using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Verification;

namespace DiscMastering.Imapi.Tests.Verification;

/// <summary>A tree of another kind than ISO 9660's: a local folder, named as the sources are, as a Rock Ridge or UDF tree would be.</summary>
internal sealed class FolderTree(string root) : IImageTree
{
    public string Name => "folder";

    public ImageTreeEntry Root { get; } = new("", "/", IsDirectory: true, 0, -1, root);

    public string NameOf(DiscNode node) => node.Name;

    public IEnumerable<ImageTreeEntry> List(ImageTreeEntry directory)
    {
        var local = (string)directory.Handle!;
        foreach (var path in Directory.EnumerateFileSystemEntries(local))
        {
            var name = Path.GetFileName(path);
            var treePath = directory.Path == "/" ? "/" + name : directory.Path + "/" + name;
            yield return Directory.Exists(path)
                ? new ImageTreeEntry(name, treePath, IsDirectory: true, 0, -1, path)
                : new ImageTreeEntry(name, treePath, IsDirectory: false, new FileInfo(path).Length, -1, path);
        }
    }

    public Stream OpenRead(ImageTreeEntry file) => File.OpenRead((string)file.Handle!);
}
