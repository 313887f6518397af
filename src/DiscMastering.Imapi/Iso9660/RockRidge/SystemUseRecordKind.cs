namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>Which record of a directory a System Use area belongs to; each kind carries its own entries.</summary>
internal enum SystemUseRecordKind : byte
{
    /// <summary>The root's "." record: SP first (SUSP 1.12 5.3), then PX, TF and the volume's ER.</summary>
    RootSelf,

    /// <summary>Another folder's "." record: PX, TF.</summary>
    Self,

    /// <summary>A ".." record: the parent's PX and TF.</summary>
    Parent,

    /// <summary>A file's or a subfolder's record: PX, TF and its name in NM entries.</summary>
    Entry,
}
