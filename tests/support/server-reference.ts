// A server action as Next.js hands it to a client component's server render: its bundler replaces each
// import of a "use server" function with createServerReference(id, …), which carries $$FORM_ACTION, so
// React renders a <form action={fn}> as a real POST form with the action's id — the form a browser
// submits before (or without) the JavaScript. Rendering only: calling it is an error here.
// @ts-expect-error -- Next's compiled copy of React's server-reference client has no type declarations
import { createServerReference } from "next/dist/compiled/react-server-dom-webpack/client.node.js";

type Reference = (...args: unknown[]) => Promise<never>;

export function serverReference(id: string): Reference {
  return (createServerReference as (id: string, call: () => Promise<never>) => Reference)(id, () => Promise.reject(new Error(`server action ${id} called in a render test`)));
}
