export default function Screen() { return <div>todo</div>; }
