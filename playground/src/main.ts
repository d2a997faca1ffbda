import { createLocalHub } from '@atomicx-vue/engine'
import { createApp } from 'vue'
import Stage from './Stage.vue'
import { hubKey } from './UserApp'
import './style.css'

// ONE embedded hub for the whole page: the apps of the stage are users of the same rooms.
createApp(Stage).provide(hubKey, createLocalHub()).mount('#app')
