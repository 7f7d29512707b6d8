import { Type } from 'typebox';

export const LivenessJson = Type.Object({ status: Type.Literal('ok') }, { title: 'Liveness' });

const CheckState = Type.Union([Type.Literal('up'), Type.Literal('down')]);

export const ReadinessJson = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    checks: Type.Record(Type.String(), CheckState, { description: 'One entry per dependency.' }),
  },
  { title: 'Readiness' },
);
