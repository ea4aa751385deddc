# Manual contract check (not run by Tycho): exercises the sandbox through Prism proxies, which validate
# each request and response against ../shared/specs/xero and report problems in the sl-violations header.
#   java -cp <jackson jars>:<sandbox classes> io.crossbill.sandbox.XeroSandbox 18123 18124 &
#   npm install --prefix /tmp/prism @stoplight/prism-cli@5
#   prism proxy -h 127.0.0.1 -p 4011 xero/xero-projects.yaml http://127.0.0.1:18124/projects.xro/2.0 &
#   prism proxy -h 127.0.0.1 -p 4012 xero/xero_accounting.acyclic.json http://127.0.0.1:18123/api.xro/2.0 &
#   python3 prism_check.py
# Expected: every line "ok" except the deliberately bad time entry (request violations).
import json, urllib.request, sys
H={'Authorization':'Bearer crossbill-sandbox-token','Xero-Tenant-Id':'7c5a0bde-1d2b-4c9e-9f3a-0a1b2c3d4e5f','Content-Type':'application/json','Accept':'application/json'}
def call(port, method, path, body=None, extra={}):
    data=None if body is None else json.dumps(body).encode()
    req=urllib.request.Request(f'http://127.0.0.1:{port}{path}', data=data, method=method, headers={**H, **extra})
    try:
        r=urllib.request.urlopen(req); status=r.status; hdr=r.headers; txt=r.read().decode()
    except urllib.error.HTTPError as e:
        status=e.code; hdr=e.headers; txt=e.read().decode()
    v=hdr.get('sl-violations')
    print(f'{method} {path[:70]} -> {status}', ('VIOLATIONS '+v[:600]) if v else 'ok')
    try: return json.loads(txt) if txt else None
    except Exception: return None
A,P=4012,4011
c=call(A,'GET','/Contacts?page=1')
cid=c['Contacts'][0]['ContactID']
call(A,'GET','/Contacts/'+cid)
nc=call(A,'PUT','/Contacts',{'Contacts':[{'Name':'Prism Check Ltd','DefaultCurrency':'GBP'}]})
call(A,'POST','/Contacts/'+nc['Contacts'][0]['ContactID'],{'Contacts':[{'EmailAddress':'a@b.example'}]})
call(A,'PUT','/Contacts',{'Contacts':[{'Name':'Kauri Timber Ltd'}]})
inv=call(A,'PUT','/Invoices',{'Invoices':[{'Type':'ACCREC','Contact':{'ContactID':cid},'Date':'2026-11-30','DueDate':'2026-12-30','Status':'AUTHORISED','LineItems':[{'Description':'x','Quantity':2,'UnitAmount':100,'AccountCode':'200','TaxType':'OUTPUT2'}]}]},{'Idempotency-Key':'prism-1'})
call(A,'PUT','/Invoices',{'Invoices':[{'Type':'ACCREC','LineItems':[{'Description':'x','Quantity':1,'UnitAmount':10}]}]})
call(A,'GET','/Invoices?page=1')
call(A,'GET','/Invoices')
call(A,'GET','/Invoices/'+inv['Invoices'][0]['InvoiceID'])
call(A,'POST','/Invoices/'+inv['Invoices'][0]['InvoiceID'],{'Invoices':[{'Status':'VOIDED'}]})
ps=call(P,'GET','/Projects?page=1&pageSize=5')
pid=ps['items'][0]['projectId']
call(P,'GET','/Projects/'+pid)
np=call(P,'POST','/Projects',{'contactId':cid,'name':'Prism project','deadlineUtc':'2027-01-01T00:00:00Z','estimateAmount':10.5})
call(P,'PUT','/Projects/'+np['projectId'],{'name':'Prism project 2'})
call(P,'PATCH','/Projects/'+np['projectId'],{'status':'INPROGRESS'})
ts=call(P,'GET','/Projects/'+pid+'/Tasks')
tid=ts['items'][0]['taskId']
call(P,'GET','/Projects/'+pid+'/Tasks/'+tid)
nt=call(P,'POST','/Projects/'+np['projectId']+'/Tasks',{'name':'T','rate':{'currency':'GBP','value':100},'chargeType':'TIME'})
call(P,'PUT','/Projects/'+np['projectId']+'/Tasks/'+nt['taskId'],{'name':'T2','rate':{'currency':'GBP','value':100},'chargeType':'TIME'})
te=call(P,'GET','/Projects/'+pid+'/Time?page=2&pageSize=10')
us=call(P,'GET','/ProjectsUsers')
uid=us['items'][0]['userId']
e=call(P,'POST','/Projects/'+np['projectId']+'/Time',{'userId':uid,'taskId':nt['taskId'],'dateUtc':'2026-11-20T09:00:00Z','duration':60,'description':'d'})
call(P,'GET','/Projects/'+np['projectId']+'/Time/'+e['timeEntryId'])
call(P,'PUT','/Projects/'+np['projectId']+'/Time/'+e['timeEntryId'],{'userId':uid,'taskId':nt['taskId'],'dateUtc':'2026-11-20T09:00:00Z','duration':90})
call(P,'POST','/Projects/'+np['projectId']+'/Time',{'duration':0})
call(P,'DELETE','/Projects/'+np['projectId']+'/Time/'+e['timeEntryId'])
call(P,'DELETE','/Projects/'+np['projectId']+'/Tasks/'+nt['taskId'])
