/*
 * IMAPI2's progress events for IDiscFormat2Data: IConnectionPointContainer and IConnectionPoint
 * (ocidl.h), and DDiscFormat2DataEvents::Update (imapi2.h, DISPID 0x200) fired through the sink's
 * IDispatch::Invoke with two VT_DISPATCH arguments, last first: the progress
 * (IDiscFormat2DataEventArgs), then the format.
 */
#include <stdlib.h>

#include "fake_com.h"

/* CONNECT_E_*: olectl.h, Windows SDK. */
#define CONNECT_E_NOCONNECTION ((HRESULT)0x80040200)
#define CONNECT_E_ADVISELIMIT ((HRESULT)0x80040201)
#define CONNECT_E_CANNOTCONNECT ((HRESULT)0x80040202)
/* DISPATCH_METHOD: oleauto.h; VT_DISPATCH: wtypes.h (Windows SDK). */
#define DISPATCH_METHOD 0x1
#define VT_DISPATCH 9
#define DISPID_UPDATE 0x200
#define EVENT_COOKIE 1u
/* IDispatch::Invoke's slot, after IUnknown's three and three more of IDispatch's (oaidl.h). */
#define DISPATCH_INVOKE 6

/* VARIANT and DISPPARAMS as oaidl.h lays them out on 64-bit Windows. */
typedef struct fake_variant {
    uint16_t vt, reserved1, reserved2, reserved3;
    void* value;
    void* value2;
} fake_variant;
typedef struct fake_dispparams {
    fake_variant* args;
    int32_t* named_args;
    uint32_t count, named_count;
} fake_dispparams;

static const GUID s_iid_null = { 0, 0, 0, { 0, 0, 0, 0, 0, 0, 0, 0 } };

/* ---- the IConnectionPointContainer tear-off ---- */

static fake_event_source* source_of(void* self)
{
    return self;
}

static HRESULT ContainerQueryInterface(void* self, const GUID* iid, void** ppv)
{
    fake_object* owner = source_of(self)->owner;
    return ((HRESULT(*)(void*, const GUID*, void**))COM_SLOT(owner, 0))(owner, iid, ppv);
}

static ULONG ContainerAddRef(void* self)
{
    return fake_add_ref(source_of(self)->owner);
}

static ULONG ContainerRelease(void* self)
{
    return fake_release(source_of(self)->owner);
}

static HRESULT EnumConnectionPoints(void* self, void** out)
{
    (void)self;
    FAKE_ENTER("IConnectionPointContainer::EnumConnectionPoints");
    if (out != NULL)
        *out = NULL;
    return E_NOTIMPL;
}

typedef struct connection_point {
    fake_object base;
    fake_event_source* source; /* its owner is AddRef'ed while the point lives */
} connection_point;

static void point_destroy(fake_object* self)
{
    connection_point* point = (connection_point*)self;
    fake_release(point->source->owner);
}

static const GUID* const s_point_iids[] = { &IID_IConnectionPoint, NULL };
static const fake_class s_point_class = { "IConnectionPoint", s_point_iids, point_destroy };

static HRESULT GetConnectionInterface(void* self, GUID* iid)
{
    (void)self;
    FAKE_ENTER("IConnectionPoint::GetConnectionInterface");
    if (iid == NULL)
        return E_POINTER;
    *iid = DIID_DDiscFormat2DataEvents;
    return S_OK;
}

static HRESULT GetConnectionPointContainer(void* self, void** out)
{
    connection_point* point = self;
    FAKE_ENTER("IConnectionPoint::GetConnectionPointContainer");
    if (out == NULL)
        return E_POINTER;
    fake_add_ref(point->source->owner);
    *out = point->source;
    return S_OK;
}

static HRESULT Advise(void* self, void* sink, uint32_t* cookie)
{
    connection_point* point = self;
    FAKE_ENTER("IConnectionPoint::Advise");
    if (sink == NULL || cookie == NULL)
        return E_POINTER;
    *cookie = 0;
    if (point->source->sink != NULL)
        return CONNECT_E_ADVISELIMIT;
    void* events = NULL;
    HRESULT hr = ((HRESULT(*)(void*, const GUID*, void**))COM_SLOT(sink, 0))(sink, &DIID_DDiscFormat2DataEvents, &events);
    if (hr < 0 || events == NULL)
        return CONNECT_E_CANNOTCONNECT;
    point->source->sink = events;
    *cookie = EVENT_COOKIE;
    return S_OK;
}

static HRESULT Unadvise(void* self, uint32_t cookie)
{
    connection_point* point = self;
    FAKE_ENTER("IConnectionPoint::Unadvise");
    if (cookie != EVENT_COOKIE || point->source->sink == NULL)
        return CONNECT_E_NOCONNECTION;
    void* sink = point->source->sink;
    point->source->sink = NULL;
    COM_RELEASE(sink);
    return S_OK;
}

static HRESULT EnumConnections(void* self, void** out)
{
    (void)self;
    FAKE_ENTER("IConnectionPoint::EnumConnections");
    if (out != NULL)
        *out = NULL;
    return E_NOTIMPL;
}

/* IConnectionPoint's vtable: ocidl.h, Windows SDK order. */
static const fake_fn s_point_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,   FN(GetConnectionInterface), FN(GetConnectionPointContainer),
    FN(Advise),            FN(Unadvise),               FN(EnumConnections),
};

static HRESULT FindConnectionPoint(void* self, const GUID* iid, void** out)
{
    fake_event_source* source = source_of(self);
    FAKE_ENTER("IConnectionPointContainer::FindConnectionPoint");
    if (iid == NULL || out == NULL)
        return E_POINTER;
    *out = NULL;
    if (!fake_guid_equal(iid, &DIID_DDiscFormat2DataEvents))
        return CONNECT_E_NOCONNECTION;
    connection_point* point = fake_object_new(sizeof(connection_point), s_point_vtbl, &s_point_class);
    if (point == NULL)
        return E_OUTOFMEMORY;
    point->source = source;
    fake_add_ref(source->owner);
    *out = point;
    return S_OK;
}

/* IConnectionPointContainer's vtable: ocidl.h, Windows SDK order. */
static const fake_fn s_container_vtbl[] = {
    FN(ContainerQueryInterface), FN(ContainerAddRef), FN(ContainerRelease),
    FN(EnumConnectionPoints),    FN(FindConnectionPoint),
};

void fake_event_source_init(fake_event_source* source, fake_object* owner)
{
    source->vtbl = s_container_vtbl;
    source->owner = owner;
    source->sink = NULL;
}

void fake_event_source_destroy(fake_event_source* source)
{
    /* A sink left advised (the client forgot Unadvise) is let go with the format, as a COM server would. */
    if (source->sink != NULL) {
        void* sink = source->sink;
        source->sink = NULL;
        COM_RELEASE(sink);
    }
}

HRESULT fake_event_source_query(fake_event_source* source, const GUID* iid, void** ppv)
{
    if (ppv == NULL)
        return E_POINTER;
    *ppv = NULL;
    if (!fake_guid_equal(iid, &IID_IConnectionPointContainer))
        return E_NOINTERFACE;
    fake_add_ref(source->owner);
    *ppv = source;
    return S_OK;
}

/* ---- IDiscFormat2DataEventArgs ---- */

typedef struct event_args {
    fake_object base;
    int32_t action, start_lba, sectors, last_written_lba;
} event_args;

static const GUID* const s_args_iids[] = { &IID_IDiscFormat2DataEventArgs, &IID_IWriteEngine2EventArgs, &IID_IDispatch,
                                           NULL };
static const fake_class s_args_class = { "IDiscFormat2DataEventArgs", s_args_iids, NULL };

#define ARGS_GETTER(name, expression)              \
    static HRESULT name(void* self, int32_t* value) \
    {                                              \
        event_args* a = self;                      \
        (void)a;                                   \
        if (value == NULL)                         \
            return E_POINTER;                      \
        *value = (expression);                     \
        return S_OK;                               \
    }

ARGS_GETTER(get_StartLba, a->start_lba)
ARGS_GETTER(get_SectorCount, a->sectors)
ARGS_GETTER(get_LastReadLba, a->last_written_lba)
ARGS_GETTER(get_LastWrittenLba, a->last_written_lba)
ARGS_GETTER(get_TotalSystemBuffer, 4 * 1024 * 1024)
ARGS_GETTER(get_UsedSystemBuffer, 0)
ARGS_GETTER(get_FreeSystemBuffer, 4 * 1024 * 1024)
ARGS_GETTER(get_ElapsedTime, 0)
ARGS_GETTER(get_RemainingTime, 0)
ARGS_GETTER(get_TotalTime, 0)
ARGS_GETTER(get_CurrentAction, a->action)

/* IWriteEngine2EventArgs' slots, then IDiscFormat2DataEventArgs' own: imapi2.h, Windows SDK order. */
static const fake_fn s_args_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS,       FAKE_IDISPATCH_SLOTS,      FN(get_StartLba),           FN(get_SectorCount),
    FN(get_LastReadLba),       FN(get_LastWrittenLba),    FN(get_TotalSystemBuffer),  FN(get_UsedSystemBuffer),
    FN(get_FreeSystemBuffer),  FN(get_ElapsedTime),       FN(get_RemainingTime),      FN(get_TotalTime),
    FN(get_CurrentAction),
};

void fake_event_source_update(fake_event_source* source, int32_t action, int32_t start_lba, int32_t sectors,
                              int32_t last_written_lba)
{
    void* sink = source->sink;
    if (sink == NULL)
        return;
    event_args* args = fake_object_new(sizeof(event_args), s_args_vtbl, &s_args_class);
    if (args == NULL)
        return;
    args->action = action, args->start_lba = start_lba, args->sectors = sectors;
    args->last_written_lba = last_written_lba;
    fake_variant variants[2] = { { VT_DISPATCH, 0, 0, 0, args, NULL }, { VT_DISPATCH, 0, 0, 0, source->owner, NULL } };
    fake_dispparams params = { variants, NULL, 2, 0 };
    fake_sink_count("Update");
    COM_ADDREF(sink);
    ((HRESULT(*)(void*, int32_t, const GUID*, uint32_t, uint16_t, fake_dispparams*, void*, void*, uint32_t*))COM_SLOT(
        sink, DISPATCH_INVOKE))(sink, DISPID_UPDATE, &s_iid_null, 0, DISPATCH_METHOD, &params, NULL, NULL, NULL);
    COM_RELEASE(sink);
    fake_release(args);
}
