using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI v1's data (Joliet) format (imapi.h, Windows SDK; IID E3BC42CE-4E5C-11D3-9144-00104BA11C5E), slots 3-8:
/// GetTotalDataBlocks, GetUsedDataBlocks, GetDataBlockSize, AddData, GetJolietProperties, SetJolietProperties.
/// AddData stages an IStorage's tree into the stash.
/// </summary>
[GeneratedComInterface]
[Guid("E3BC42CE-4E5C-11D3-9144-00104BA11C5E")]
internal unsafe partial interface IJolietDiscMaster
{
    [PreserveSig]
    int GetTotalDataBlocks(int* pnBlocks);

    [PreserveSig]
    int GetUsedDataBlocks(int* pnBlocks);

    [PreserveSig]
    int GetDataBlockSize(int* pnBlockBytes);

    [PreserveSig]
    int AddData(IStorage pStorage, int lFileOverwrite);

    [PreserveSig]
    int GetJolietProperties(nint* ppPropStg);

    [PreserveSig]
    int SetJolietProperties(nint pPropStg);
}
