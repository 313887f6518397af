namespace DiscMastering.Imapi.Iso9660;

/// <summary>A kind of disc whose label or files a convention fixes; the tree is checked against it before anything is written.</summary>
public enum MasteringPreset
{
    /// <summary>No convention: any label and files.</summary>
    None = 0,

    /// <summary>
    /// A cloud-init NoCloud seed: the label is <c>cidata</c> (<see cref="CloudInitSeed.VolumeLabel"/>) and the root holds
    /// the files <c>user-data</c> and <c>meta-data</c> (<see cref="DiscMasteringError.CloudInitSeedIncomplete"/> otherwise).
    /// </summary>
    CloudInit = 1,
}
