/*
 * What the fake's areas share: COM types, the object header, reference counting, the call log,
 * injected failures, BSTRs and the simulated recorder's state.
 */
#ifndef FAKE_COM_H
#define FAKE_COM_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "imapi_fake.h"

typedef uint32_t ULONG;
typedef int32_t LONG;
typedef uint16_t OLECHAR;
typedef OLECHAR* BSTR;
typedef int16_t VARIANT_BOOL;

/* VARIANT_TRUE / VARIANT_FALSE: wtypes.h, Windows SDK. */
#define VARIANT_TRUE ((VARIANT_BOOL)-1)
#define VARIANT_FALSE ((VARIANT_BOOL)0)

/* Generic HRESULTs: winerror.h, Windows SDK. */
#define S_OK ((HRESULT)0)
#define S_FALSE ((HRESULT)1)
#define E_NOTIMPL ((HRESULT)0x80004001)
#define E_NOINTERFACE ((HRESULT)0x80004002)
#define E_POINTER ((HRESULT)0x80004003)
#define E_FAIL ((HRESULT)0x80004005)
#define E_OUTOFMEMORY ((HRESULT)0x8007000E)
#define E_INVALIDARG ((HRESULT)0x80070057)
#define REGDB_E_CLASSNOTREG ((HRESULT)0x80040154)
#define STG_E_ACCESSDENIED ((HRESULT)0x80030005)
#define STG_E_INVALIDPARAMETER ((HRESULT)0x80030057)

/* IMAPI v1 HRESULTs: imapierror.h, Windows SDK (FACILITY_ITF, codes 0x200 and up). */
#define IMAPI_S_BUFFER_TO_SMALL ((HRESULT)0x00040201)
#define IMAPI_E_NOTOPENED ((HRESULT)0x8004020B)
#define IMAPI_E_USERABORT ((HRESULT)0x8004020D)
#define IMAPI_E_MEDIUM_NOTPRESENT ((HRESULT)0x8004020F)
#define IMAPI_E_MEDIUM_INVALIDTYPE ((HRESULT)0x80040210)
#define IMAPI_E_TRACKNOTOPEN ((HRESULT)0x8004021A)
#define IMAPI_E_TRACKOPEN ((HRESULT)0x8004021B)
#define IMAPI_E_DISCFULL ((HRESULT)0x8004021C)
#define IMAPI_E_NOACTIVEFORMAT ((HRESULT)0x8004021F)
#define IMAPI_E_NOACTIVERECORDER ((HRESULT)0x80040220)
#define IMAPI_E_ALREADYOPEN ((HRESULT)0x80040222)
#define IMAPI_E_FILEEXISTS ((HRESULT)0x80040224)
#define IMAPI_E_CANNOT_WRITE_TO_MEDIA ((HRESULT)0x8004022C)

/* IMAPI2 HRESULTs: imapi2error.h, Windows SDK. */
#define E_IMAPI_REQUEST_CANCELLED ((HRESULT)0xC0AA0002)
#define E_IMAPI_RECORDER_REQUIRED ((HRESULT)0xC0AA0003)
#define E_IMAPI_RECORDER_MEDIA_NO_MEDIA ((HRESULT)0xC0AA0202)
#define E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE ((HRESULT)0xC0AA0203)
#define E_IMAPI_RECORDER_LOCKED ((HRESULT)0xC0AA0210)
#define E_IMAPI_RECORDER_CLIENT_NAME_IS_NOT_VALID ((HRESULT)0xC0AA0211)
#define E_IMAPI_DF2DATA_WRITE_IN_PROGRESS ((HRESULT)0xC0AA0400)
#define E_IMAPI_DF2DATA_WRITE_NOT_IN_PROGRESS ((HRESULT)0xC0AA0401)
#define E_IMAPI_DF2DATA_INVALID_MEDIA_STATE ((HRESULT)0xC0AA0402)
#define E_IMAPI_DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA ((HRESULT)0xC0AA0404)
#define E_IMAPI_DF2DATA_MEDIA_NOT_BLANK ((HRESULT)0xC0AA0405)
#define E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED ((HRESULT)0xC0AA0502)
#define E_IMAPI_DF2TAO_MEDIA_IS_PREPARED ((HRESULT)0xC0AA0503)
#define E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK ((HRESULT)0xC0AA0506)
#define E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED ((HRESULT)0xC0AA0508)
#define E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE ((HRESULT)0xC0AA0509)
#define E_IMAPI_DF2TAO_WRITE_IN_PROGRESS ((HRESULT)0xC0AA0500)
#define E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS ((HRESULT)0xC0AA0501)
#define E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED ((HRESULT)0xC0AA050A)
#define E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED ((HRESULT)0xC0AA050D)

/* The interface and class identifiers, defined in fake_guids.c with their sources. */
extern const GUID IID_IUnknown, IID_IDispatch;
extern const GUID IID_IDiscMaster, IID_IDiscRecorder, IID_IEnumDiscRecorders, IID_IEnumDiscMasterFormats;
extern const GUID IID_IRedbookDiscMaster, IID_IJolietDiscMaster, IID_IDiscMasterProgressEvents;
extern const GUID IID_IPropertyStorage, IID_IEnumSTATPROPSTG, IID_ICDBurn;
extern const GUID IID_IDiscMaster2, IID_IDiscRecorder2, IID_IDiscFormat2, IID_IDiscFormat2Data;
extern const GUID IID_IDiscFormat2Erase, IID_IDiscFormat2TrackAtOnce;
extern const GUID CLSID_MSDiscMasterObj, CLSID_MSDiscRecorderObj, CLSID_MSEnumDiscRecordersObj, CLSID_CDBurn;
extern const GUID CLSID_MsftDiscMaster2, CLSID_MsftDiscRecorder2, CLSID_MsftDiscFormat2Data;
extern const GUID CLSID_MsftDiscFormat2Erase, CLSID_MsftDiscFormat2TrackAtOnce;

extern const GUID IID_IConnectionPointContainer, IID_IConnectionPoint, DIID_DDiscFormat2DataEvents;
extern const GUID IID_IWriteEngine2EventArgs, IID_IDiscFormat2DataEventArgs;
int fake_guid_equal(const GUID* a, const GUID* b);

/* A vtable is an array of function pointers; each slot is stored as this type and called by the
 * client with the method's real signature. */
typedef void (*fake_fn)(void);
#define FN(f) ((fake_fn)(f))

typedef struct fake_object fake_object;

/* What every class of fake object tells the shared IUnknown code. */
typedef struct fake_class {
    const char* name;
    const GUID* const* iids; /* the interfaces QueryInterface answers, besides IUnknown; NULL ends */
    void (*destroy)(fake_object* self); /* releases what the object holds; the memory is freed after */
} fake_class;

/* The header of every object. vtbl must stay first: that is the COM binary layout. */
struct fake_object {
    const fake_fn* vtbl;
    atomic_int refs;
    const fake_class* cls;
    fake_object* next_live;
    int counted; /* 0 once fake_reset forgot the object */
};

/* Allocates size bytes (a struct starting with fake_object), with one reference. */
void* fake_object_new(size_t size, const fake_fn* vtbl, const fake_class* cls);

/* IUnknown, shared by every class: slots 0, 1, 2. */
HRESULT fake_query_interface(void* self, const GUID* iid, void** ppv);
ULONG fake_add_ref(void* self);
ULONG fake_release(void* self);

/* IDispatch for the IMAPI2 dual interfaces: slots 3 to 6, all E_NOTIMPL. */
HRESULT fake_get_type_info_count(void* self, uint32_t* count);
HRESULT fake_get_type_info(void* self, uint32_t index, uint32_t lcid, void** info);
HRESULT fake_get_ids_of_names(void* self, const GUID* iid, OLECHAR** names, uint32_t count, uint32_t lcid,
                              int32_t* dispids);
HRESULT fake_invoke(void* self, int32_t dispid, const GUID* iid, uint32_t lcid, uint16_t flags, void* params,
                    void* result, void* excepinfo, uint32_t* argerr);

#define FAKE_IUNKNOWN_SLOTS FN(fake_query_interface), FN(fake_add_ref), FN(fake_release)
#define FAKE_IDISPATCH_SLOTS \
    FN(fake_get_type_info_count), FN(fake_get_type_info), FN(fake_get_ids_of_names), FN(fake_invoke)

/* Logs the call and returns the failure injected for it, 0 when none. */
HRESULT fake_enter(const char* method);
#define FAKE_ENTER(method)                  \
    do {                                    \
        HRESULT injected_ = fake_enter(method); \
        if (injected_ != 0)                 \
            return injected_;               \
    } while (0)

/* Calling a COM object the client gave us: the function in slot of its vtable. */
#define COM_SLOT(obj, slot) ((*(fake_fn* const*)(obj))[slot])
#define COM_ADDREF(obj) (((ULONG(*)(void*))COM_SLOT(obj, 1))(obj))
#define COM_RELEASE(obj) (((ULONG(*)(void*))COM_SLOT(obj, 2))(obj))

/* BSTRs laid out as dotnet/runtime's Marshal.Unix.cs AllocBSTR does: a malloc'ed block, the byte length
 * as uint32 just before the characters, the characters sizeof(void*) bytes into the block, a 0 after;
 * FreeBSTR frees the block at (chars - sizeof(void*)). */
BSTR fake_bstr_from_ascii(const char* text);
BSTR fake_bstr_from_utf16(const OLECHAR* text);
void fake_bstr_free(BSTR bstr);
size_t fake_utf16_length(const OLECHAR* text);
OLECHAR* fake_utf16_dup(const OLECHAR* text); /* malloc'ed, NUL-terminated; NULL gives NULL */
int fake_utf16_equal_ascii(const OLECHAR* text, const char* ascii);
/* Appends text as UTF-8 to a malloc'ed growable string. */
void fake_append_utf8(char** out, size_t* length, size_t* capacity, const OLECHAR* text);
void fake_append_text(char** out, size_t* length, size_t* capacity, const char* text);

/* The simulated drive. */
#define FAKE_VENDOR "FAKEVEND"
#define FAKE_PRODUCT "IMAPI FAKE RW"
#define FAKE_REVISION "1.00"
#define FAKE_PATH "\\\\?\\fake#cdrom#0" /* \\?\fake#cdrom#0, also the IMAPI2 unique id */
#define FAKE_DRIVE "F:\\"

int fake_is_disc_recorder(void* object);  /* one of our IDiscRecorder objects */
int fake_is_disc_recorder2(void* object); /* one of our IDiscRecorder2 objects */
int fake_recorder2_initialized(void* object); /* one of ours, given the drive's unique id */

/* VARTYPEs: wtypes.h, Windows SDK. */
#define VT_EMPTY 0
#define VT_I4 3
#define VT_BSTR 8
#define VT_BOOL 11

/* The simulated medium. Block counts are 2048-byte sectors. */
#define FAKE_TOTAL_BLOCKS 359847u
typedef struct fake_media {
    int present;
    int rewritable;
    int blank;
    int appendable; /* more can be written after what is there */
    int sessions;
    int last_track;
    uint32_t start_address; /* of the last session */
    uint32_t next_writable;
    uint32_t free_blocks;
} fake_media;

/* Records a session of blocks on the medium; closing leaves nothing writable. */
void fake_media_record(uint32_t blocks, int close);
void fake_media_erase(void);

/* The IDiscMasterProgressEvents sinks advised, as the client gave them (AddRef'ed). */
#define FAKE_MAX_SINKS 4

typedef struct fake_staged_file {
    char* path; /* UTF-8, components joined with '\\' */
    long long size;
    uint32_t checksum; /* FNV-1a, 32 bits */
} fake_staged_file;

typedef struct fake_state {
    fake_media media;
    /* IMAPI v1 */
    int master_open;
    int recorder_exclusive;
    void* sinks[FAKE_MAX_SINKS];
    void* sink_owners[FAKE_MAX_SINKS]; /* the IDiscMaster each was advised to */
    int burning;
    fake_staged_file* staged; /* IJolietDiscMaster::AddData's files, in the order read */
    int staged_count, staged_capacity;
    int redbook_tracks;       /* closed with IRedbookDiscMaster::CloseAudioTrack */
    int track_open;
    int32_t track_planned, track_added; /* blocks of the open track */
    int32_t audio_blocks;     /* of the closed tracks */
    int tao_tracks;           /* written by IDiscFormat2TrackAtOnce::AddAudioTrack */
    int burns;
    int erases[2];            /* IDiscRecorder::Erase that blanked: [0] fast, [1] full */
    int32_t write_speed, audio_gap;
    /* IMAPI2 */
    OLECHAR* lock_owner;   /* fake_lock_recorder */
    OLECHAR* access_owner; /* AcquireExclusiveAccess's client name */
    unsigned char* written;
    long long written_length, written_capacity;
} fake_state;

extern fake_state g_fake;

/* Calls from the fake into a progress sink, counted for fake_progress_calls. */
void fake_sink_count(const char* method);
/* Returns 1 when any advised sink asks to cancel. */
int fake_sinks_query_cancel(void);
void fake_sinks_notify1(int slot, const char* method, int32_t a);
void fake_sinks_notify2(int slot, const char* method, int32_t a, int32_t b);
void fake_sinks_release_all(void);
/* Releases the sinks advised to owner (an IDiscMaster going away); NULL releases them all. */
void fake_sinks_release(void* owner);
void fake_staged_clear(void);

/* The bytes IDiscFormat2Data::Write received, kept under the fake's lock. */
void fake_written_clear(void);
void fake_written_append(const unsigned char* bytes, uint32_t count);

/* Slots of IDiscMasterProgressEvents after IUnknown: imapi.h, Windows SDK. */
enum {
    SINK_QUERY_CANCEL = 3,
    SINK_NOTIFY_PNP_ACTIVITY,
    SINK_NOTIFY_ADD_PROGRESS,
    SINK_NOTIFY_BLOCK_PROGRESS,
    SINK_NOTIFY_TRACK_PROGRESS,
    SINK_NOTIFY_PREPARING_BURN,
    SINK_NOTIFY_CLOSING_DISC,
    SINK_NOTIFY_BURN_COMPLETE,
    SINK_NOTIFY_ERASE_COMPLETE,
};

/* DDiscFormat2DataEvents for an IDiscFormat2Data (fake_events.c): the format answers
 * IConnectionPointContainer with this tear-off, whose IUnknown is the owner's; FindConnectionPoint gives
 * an IConnectionPoint that takes one sink; Update calls the sink's IDispatch::Invoke as IMAPI2 fires it. */
typedef struct fake_event_source {
    const fake_fn* vtbl;
    fake_object* owner;
    void* sink; /* the advised sink, AddRef'ed; NULL when none */
} fake_event_source;
void fake_event_source_init(fake_event_source* source, fake_object* owner);
void fake_event_source_destroy(fake_event_source* source);
/* Answers IConnectionPointContainer for the owner; E_NOINTERFACE for anything else. */
HRESULT fake_event_source_query(fake_event_source* source, const GUID* iid, void** ppv);
/* Fires Update(owner, IDiscFormat2DataEventArgs) to the advised sink, if any. */
void fake_event_source_update(fake_event_source* source, int32_t action, int32_t start_lba, int32_t sectors,
                              int32_t last_written_lba);

/* The constructors each area gives fake_create_instance. */
HRESULT fake_new_disc_master(void** out);
HRESULT fake_new_disc_recorder(void** out);
HRESULT fake_new_enum_disc_recorders(void** out);
HRESULT fake_new_cdburn(void** out);
HRESULT fake_new_disc_master2(void** out);
HRESULT fake_new_disc_recorder2(void** out);
HRESULT fake_new_format2_data(void** out);
HRESULT fake_new_format2_erase(void** out);
HRESULT fake_new_format2_tao(void** out);

/* Property storages (fake_props.c): a snapshot of named properties. */
typedef struct fake_property {
    const char* name;
    uint32_t propid;
    uint16_t vt; /* VT_I4, VT_BSTR or VT_BOOL */
    int32_t i4;
    const char* text;
} fake_property;
HRESULT fake_new_property_storage(const fake_property* props, int count, void** out);
/* Copies the value of the property named name back out of one of our storages; 0 when absent. */
int fake_property_storage_get_i4(void* storage, const char* name, int32_t* value);
int fake_is_property_storage(void* object);

/* STATSTG, objidl.h (Windows SDK): natural alignment, 80 bytes on 64-bit. FILETIME is two DWORDs. */
typedef struct fake_filetime {
    uint32_t low, high;
} fake_filetime;
typedef struct STATSTG {
    OLECHAR* pwcsName; /* CoTaskMem: malloc'ed on Unix (.NET's Marshal.AllocCoTaskMem), so free() */
    uint32_t type;     /* STGTY_STORAGE 1, STGTY_STREAM 2 (objidl.h) */
    uint64_t cbSize;   /* ULARGE_INTEGER */
    fake_filetime mtime, ctime, atime;
    uint32_t grfMode, grfLocksSupported;
    GUID clsid;
    uint32_t grfStateBits, reserved;
} STATSTG;
#define STGTY_STORAGE 1
#define STGTY_STREAM 2
#define STATFLAG_DEFAULT 0
#define STATFLAG_NONAME 1

/* Slots of IStream (objidl.h): ISequentialStream's Read 3, Write 4, then Seek 5, SetSize 6, CopyTo 7,
 * Commit 8, Revert 9, LockRegion 10, UnlockRegion 11, Stat 12, Clone 13. */
enum { STREAM_READ = 3, STREAM_STAT = 12 };

/* Streams the client gives (IStream, objidl.h): read all of it in chunks. */
typedef HRESULT (*fake_chunk_fn)(void* context, const unsigned char* bytes, uint32_t count);
/* Stat's size, or -1 with *hr set. */
long long fake_stream_size(void* stream, HRESULT* hr);
/* Reads to the end in chunks of chunk bytes; consume returning nonzero stops with that as HRESULT. */
HRESULT fake_stream_read_all(void* stream, uint32_t chunk, fake_chunk_fn consume, void* context,
                             long long* total);

#endif
