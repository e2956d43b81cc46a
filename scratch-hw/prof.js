const fs=require('fs');const dir=process.argv[2];const f=fs.readdirSync(dir).find(x=>x.endsWith('.cpuprofile'));
const p=JSON.parse(fs.readFileSync(dir+'/'+f));const dt=new Map();p.samples.forEach((id,i)=>dt.set(id,(dt.get(id)||0)+(p.timeDeltas[i]||0)));
const self=new Map();const byId=new Map(p.nodes.map(n=>[n.id,n]));
for(const n of p.nodes){const k=`${n.callFrame.functionName||'(anon)'} ${n.callFrame.url.replace(/^.*node_modules\//,'').replace(/^.*\/dist\//,'')}:${n.callFrame.lineNumber+1}`;self.set(k,(self.get(k)||0)+(dt.get(n.id)||0));}
// inclusive per top-level file category
const parent=new Map();for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const incl=new Map();for(const n of p.nodes){let t=dt.get(n.id)||0;if(!t)continue;let cur=n.id;const seen=new Set();while(cur!==undefined){const m=byId.get(cur);const k=`${m.callFrame.functionName||'(anon)'} ${m.callFrame.url.replace(/^.*node_modules\//,'').replace(/^.*\/dist\//,'')}:${m.callFrame.lineNumber+1}`;if(!seen.has(k)){seen.add(k);incl.set(k,(incl.get(k)||0)+t);}cur=parent.get(cur);}}
const tot=[...self.values()].reduce((a,b)=>a+b,0);
console.log('total',Math.round(tot/1000));
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>Math.round(v/1000)+' '+k).join('\n'));
console.log('--- inclusive');
console.log([...incl].filter(([k])=>/src\/|cli\/|io\/|core\//.test(k)||/dist/.test(k)).sort((a,b)=>b[1]-a[1]).slice(0,30).map(([k,v])=>Math.round(v/1000)+' '+k).join('\n'));
